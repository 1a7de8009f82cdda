package org.kunnafoni.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** The key that encrypts phone numbers: from KUNNAFONI_DATA_KEY, or a generated development key file. */
final class DataKeys {
    private static final Logger LOG = LoggerFactory.getLogger(DataKeys.class);
    static final String DEV_KEY_FILE = "DEVELOPMENT-ONLY-data-key";

    private DataKeys() {
    }

    static byte[] resolve(Optional<String> configured, Path dataDir) throws IOException {
        if (configured.isPresent()) {
            return Base64.getDecoder().decode(configured.get().trim());
        }
        Path file = dataDir.resolve(DEV_KEY_FILE);
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            // owner-only where the file system has POSIX permissions; elsewhere the warning below still applies
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        }
        LOG.warn("""
                
                ***************************************************************************************
                *  NO KUNNAFONI_DATA_KEY SET: phone numbers are encrypted with a DEVELOPMENT key kept  *
                *  next to the data ({}). Anyone with the data folder can read them.  *
                *  In production set KUNNAFONI_DATA_KEY (openssl rand -base64 32) and keep it apart.   *
                ***************************************************************************************""",
                file.getFileName());
        return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
    }
}
