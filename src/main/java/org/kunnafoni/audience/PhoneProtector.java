package org.kunnafoni.audience;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keeps reporters' phone numbers unreadable at rest and out of monitors' sight: numbers are stored encrypted
 * (AES-256-GCM) and shown as a keyed pseudonym (HMAC-SHA256), so the same person always has the same
 * pseudonym but nobody without the data key can go from pseudonym back to number.
 * Both keys are derived from the one data key, so an operator manages a single secret.
 */
public final class PhoneProtector {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String VERSION = "v1:";
    private static final char[] BASE32 = "ABCDEFGHJKMNPQRSTVWXYZ23456789".toCharArray();

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec pseudonymKey;
    private final SecureRandom random = new SecureRandom();
    // JCA look-ups (getInstance) cost more than the few bytes we hash or seal; neither object is thread-safe,
    // so each event-loop thread keeps its own. A GCM cipher is re-initialised with a fresh nonce on every use.
    private final ThreadLocal<Mac> pseudonymMac;
    private final ThreadLocal<Cipher> gcm = ThreadLocal.withInitial(PhoneProtector::newGcm);

    public PhoneProtector(byte[] dataKey) {
        if (dataKey.length != 32) {
            throw new IllegalArgumentException("the data key must be 32 bytes");
        }
        this.encryptionKey = new SecretKeySpec(derive(dataKey, "kunnafoni/phone-encryption/v1"), "AES");
        this.pseudonymKey = new SecretKeySpec(derive(dataKey, "kunnafoni/pseudonym/v1"), "HmacSHA256");
        this.pseudonymMac = ThreadLocal.withInitial(() -> newMac(pseudonymKey));
    }

    /** A stable, non-reversible reporter id such as {@code R-7KQ2MX9DPA}. */
    public String pseudonym(String normalizedPhone) {
        byte[] digest = pseudonymMac.get().doFinal(normalizedPhone.getBytes(StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder("R-");
        long bits = ByteBuffer.wrap(digest, 0, 8).getLong();
        for (int i = 0; i < 10; i++) {
            out.append(BASE32[(int) Long.remainderUnsigned(bits, BASE32.length)]);
            bits = Long.divideUnsigned(bits, BASE32.length);
        }
        return out.toString();
    }

    public String encrypt(String phone) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = gcm.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(phone.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String decrypt(String stored) {
        if (!stored.startsWith(VERSION)) {
            throw new IllegalArgumentException("not an encrypted phone number");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = gcm.get();
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the phone number cannot be decrypted with this data key", e);
        }
    }

    private static byte[] derive(byte[] key, String purpose) {
        return newMac(new SecretKeySpec(key, "HmacSHA256")).doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static Cipher newGcm() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
