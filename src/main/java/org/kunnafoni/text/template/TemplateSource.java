package org.kunnafoni.text.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Where template files are read from: a folder on disk, or the class path (a jar cannot list folders). */
sealed interface TemplateSource {

    /** The file at a '/'-separated path relative to the templates folder, empty if absent. */
    Optional<String> read(String relative);

    /** Every file path under the folder, relative and '/'-separated; empty when the source cannot list. */
    Optional<List<String>> listAll();

    String describe();

    record Disk(Path root) implements TemplateSource {
        @Override
        public Optional<String> read(String relative) {
            try {
                return Optional.of(Files.readString(root.resolve(relative), StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + root.resolve(relative), e);
            }
        }

        @Override
        public Optional<List<String>> listAll() {
            if (!Files.isDirectory(root)) {
                return Optional.of(List.of());
            }
            try (Stream<Path> files = Files.walk(root)) {
                return Optional.of(files.filter(Files::isRegularFile)
                        .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }

        @Override
        public String describe() {
            return root.toAbsolutePath().normalize().toString();
        }
    }

    record Classpath(ClassLoader loader, String prefix) implements TemplateSource {
        @Override
        public Optional<String> read(String relative) {
            try (InputStream in = loader.getResourceAsStream(prefix + relative)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read class path resource " + prefix + relative, e);
            }
        }

        @Override
        public Optional<List<String>> listAll() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "classpath:/" + prefix;
        }
    }
}
