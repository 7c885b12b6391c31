package org.mutuality.deploy.checks;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The repository's files as the checks read them: paths relative to the repository root, YAML
 * documents as plain maps and lists, and small accessors that name what is missing.
 */
final class Repository {

	static final List<String> APPLICATIONS = List.of("gateway", "content-service", "assessment-service",
			"booking-service");

	private static final Path ROOT = findRoot();

	private Repository() {
	}

	static Path root() {
		return ROOT;
	}

	static Path path(String relative) {
		return ROOT.resolve(relative);
	}

	/** The path relative to the repository root, with forward slashes, for messages. */
	static String relative(Path path) {
		return ROOT.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
	}

	static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every *.yaml and *.yml file under the directory, sorted. */
	static List<Path> yamlFiles(String directory) {
		try (Stream<Path> files = Files.walk(path(directory))) {
			return files.filter(Files::isRegularFile)
				.filter((file) -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The non-empty documents of a (multi-document) YAML file; fails on a parse error. */
	static List<Object> documents(Path file) {
		List<Object> documents = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(file)) {
			for (Object document : yaml().loadAll(reader)) {
				if (document != null) {
					documents.add(document);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return documents;
	}

	static Map<String, Object> document(Path file) {
		List<Object> documents = documents(file);
		if (documents.size() != 1) {
			throw new AssertionError(relative(file) + ": expected one YAML document, found " + documents.size());
		}
		return map(documents.get(0), relative(file));
	}

	static Yaml yaml() {
		return new Yaml(new SafeConstructor(new LoaderOptions()));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value, String what) {
		if (value == null) {
			return Collections.emptyMap();
		}
		if (!(value instanceof Map)) {
			throw new AssertionError(what + ": expected a mapping, found " + value);
		}
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object value, String what) {
		if (value == null) {
			return Collections.emptyList();
		}
		if (!(value instanceof List)) {
			throw new AssertionError(what + ": expected a list, found " + value);
		}
		return (List<Object>) value;
	}

	/** A nested value by keys ({@code at(doc, "spec", "template", "spec")}), or null. */
	static Object at(Object value, String... keys) {
		Object current = value;
		for (String key : keys) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	static List<Object> listAt(Object value, String... keys) {
		return list(at(value, keys), String.join(".", keys));
	}

	static String string(Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static Path findRoot() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null) {
			if (Files.exists(directory.resolve("mvnw")) && Files.isDirectory(directory.resolve("deploy/checks"))) {
				return directory;
			}
			directory = directory.getParent();
		}
		throw new IllegalStateException("Run the checks inside the repository: no parent of "
				+ Path.of("").toAbsolutePath() + " holds mvnw and deploy/checks");
	}

}
