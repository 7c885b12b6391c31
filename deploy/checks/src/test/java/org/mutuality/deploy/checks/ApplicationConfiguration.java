package org.mutuality.deploy.checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What configuration an application reads, taken from its built jar ({@code <module>/target/<module>.jar}):
 * the keys of its {@code application.yaml} (and profile files), the environment variables named in their
 * {@code ${NAME:default}} placeholders, and the properties that the configuration metadata
 * ({@code META-INF/spring-configuration-metadata.json}) of its own classes and of every library in
 * {@code BOOT-INF/lib} declares. A deployment setting matches with Spring's relaxed binding for
 * environment variables: {@code SPRING_DATASOURCE_URL} sets {@code spring.datasource.url},
 * {@code ..._JWT_ISSUER_URI} and {@code ..._JWT_ISSUERURI} set {@code ...jwt.issuer-uri}, a variable
 * below a map property ({@code LOGGING_LEVEL_ORG_MUTUALITY}) sets one of its entries, and a trailing
 * index ({@code ..._0}) an element of a list. Because the knowledge comes from the jar, a key becomes
 * acceptable as soon as the application starts reading it (a new starter, a new placeholder).
 */
final class ApplicationConfiguration {

	/** Read by the JVM or the C library in the image, not by Spring: allowed for every application. */
	static final Set<String> PROCESS_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "MALLOC_ARENA_MAX",
			"TZ");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)");

	private static final Pattern CONFIG_FILE = Pattern
		.compile("BOOT-INF/classes/(application|bootstrap)(-[^/]+)?\\.(ya?ml|properties)");

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static final Map<String, ApplicationConfiguration> CACHE = new ConcurrentHashMap<>();

	private final String module;

	private final Set<String> placeholders = new TreeSet<>();

	/** Environment-variable forms of every known property. */
	private final Set<String> variables = new TreeSet<>();

	/** Environment-variable forms of map properties: anything below them binds. */
	private final Set<String> mapVariables = new TreeSet<>();

	/** Environment-variable forms of list, set and array properties: an index below them binds. */
	private final Set<String> listVariables = new TreeSet<>();

	/** The scalar values of application.yaml (the default profile), by property name. */
	private final Map<String, String> values = new java.util.LinkedHashMap<>();

	private int metadataFiles;

	private ApplicationConfiguration(String module) {
		this.module = module;
	}

	/** The configuration that {@code <module>/target/<module>.jar} reads; fails clearly when it is not built. */
	static ApplicationConfiguration of(String module) {
		return CACHE.computeIfAbsent(module, ApplicationConfiguration::read);
	}

	static Path jar(String module) {
		return Repository.path(module + "/target/" + module + ".jar");
	}

	String module() {
		return this.module;
	}

	int metadataFiles() {
		return this.metadataFiles;
	}

	Set<String> placeholders() {
		return Collections.unmodifiableSet(this.placeholders);
	}

	/** A value of the packaged application.yaml ({@code a.b[0]} for a list element), or null. */
	String value(String property) {
		return this.values.get(property);
	}

	/** The web endpoints of actuator the application exposes (management.endpoints.web.exposure.include). */
	Set<String> exposedEndpoints() {
		Set<String> endpoints = new TreeSet<>();
		this.values.forEach((property, value) -> {
			if (property.equals("management.endpoints.web.exposure.include")
					|| property.startsWith("management.endpoints.web.exposure.include[")) {
				for (String endpoint : value.split(",")) {
					endpoints.add(endpoint.strip());
				}
			}
		});
		return endpoints;
	}

	/** Whether setting this environment variable (or ConfigMap key used as one) changes the application. */
	boolean reads(String variable) {
		if (PROCESS_VARIABLES.contains(variable) || this.placeholders.contains(variable)) {
			return true;
		}
		String name = variable.toUpperCase(Locale.ROOT);
		if (!name.equals(variable)) {
			// Spring maps only upper-case environment variables with underscores to properties
			return false;
		}
		if (this.variables.contains(name)) {
			return true;
		}
		for (String map : this.mapVariables) {
			if (name.startsWith(map + "_")) {
				return true;
			}
		}
		for (String list : this.listVariables) {
			if (name.startsWith(list + "_") && name.substring(list.length() + 1).matches("\\d+(_.+)?")) {
				return true;
			}
		}
		return false;
	}

	private static ApplicationConfiguration read(String module) {
		Path jar = jar(module);
		if (!Files.isRegularFile(jar)) {
			throw new AssertionError(Repository.relative(jar) + " is missing: the checks read the built application. "
					+ "Build it first (./mvnw -DskipTests package, or ./mvnw verify from the root).");
		}
		ApplicationConfiguration configuration = new ApplicationConfiguration(module);
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				String name = entry.getName();
				if (CONFIG_FILE.matcher(name).matches()) {
					try (InputStream in = zip.getInputStream(entry)) {
						configuration.addConfigFile(name, in);
					}
				}
				else if (name.equals("BOOT-INF/classes/" + METADATA)) {
					try (InputStream in = zip.getInputStream(entry)) {
						configuration.addMetadata(in);
					}
				}
				else if (name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
					try (InputStream in = zip.getInputStream(entry)) {
						configuration.addLibrary(in);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + jar, ex);
		}
		if (configuration.metadataFiles == 0) {
			throw new AssertionError(Repository.relative(jar) + " holds no configuration metadata at all: "
					+ "is it a Spring Boot application jar?");
		}
		return configuration;
	}

	/**
	 * A library's metadata, read through the nested jar's central directory (a copy in a temporary file):
	 * much faster than inflating every class of every library to find one entry.
	 */
	private void addLibrary(InputStream jar) throws IOException {
		Path copy = Files.createTempFile("library", ".jar");
		try {
			Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
			try (ZipFile library = new ZipFile(copy.toFile())) {
				ZipEntry metadata = library.getEntry(METADATA);
				if (metadata != null) {
					try (InputStream in = library.getInputStream(metadata)) {
						addMetadata(in);
					}
				}
			}
		}
		finally {
			Files.deleteIfExists(copy);
		}
	}

	private void addMetadata(InputStream in) throws IOException {
		JsonNode metadata = JsonMapper.builder().build().readTree(in.readAllBytes());
		this.metadataFiles++;
		for (String section : List.of("properties", "groups")) {
			for (JsonNode property : metadata.path(section)) {
				String name = property.path("name").asString();
				String type = property.path("type").asString("");
				if (section.equals("properties")) {
					addProperty(name);
				}
				if (type.startsWith("java.util.Map") || type.endsWith("Map") || type.contains("Map<")) {
					this.mapVariables.addAll(variableForms(name));
				}
				else if (type.startsWith("java.util.List") || type.startsWith("java.util.Set")
						|| type.startsWith("java.util.Collection") || type.endsWith("[]")) {
					this.listVariables.addAll(variableForms(name));
				}
			}
		}
	}

	private void addConfigFile(String name, InputStream in) throws IOException {
		String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		Matcher placeholder = PLACEHOLDER.matcher(text);
		while (placeholder.find()) {
			this.placeholders.add(placeholder.group(1));
		}
		if (name.endsWith(".properties")) {
			Properties properties = new Properties();
			properties.load(new java.io.StringReader(text));
			properties.stringPropertyNames().forEach(this::addProperty);
			return;
		}
		boolean main = name.matches("BOOT-INF/classes/application\\.ya?ml");
		for (Object document : Repository.yaml().loadAll(text)) {
			flatten("", document, main && !(document instanceof Map<?, ?> map && map.containsKey("spring")
					&& Repository.at(map, "spring", "config", "activate") != null));
		}
	}

	private void flatten(String prefix, Object value, boolean keepValues) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, nested) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, nested,
					keepValues));
		}
		else if (value instanceof List<?> list) {
			if (!prefix.isEmpty()) {
				addProperty(prefix);
				this.listVariables.addAll(variableForms(prefix));
			}
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), keepValues);
			}
		}
		else if (!prefix.isEmpty()) {
			addProperty(prefix);
			if (keepValues && value != null) {
				this.values.put(prefix, value.toString());
			}
		}
	}

	private void addProperty(String name) {
		this.variables.addAll(variableForms(name));
	}

	/**
	 * The environment variables Spring binds to a property: dots (and list indexes) become underscores,
	 * dashes are dropped ({@code ISSUERURI}) or, in the legacy form Spring also accepts, become underscores
	 * ({@code ISSUER_URI}); all upper case.
	 */
	static Set<String> variableForms(String property) {
		String dotted = property.replaceAll("\\[(\\d+)]", ".$1").toUpperCase(Locale.ROOT);
		Set<String> forms = new TreeSet<>();
		forms.add(dotted.replace('.', '_').replace("-", ""));
		forms.add(dotted.replace('.', '_').replace('-', '_'));
		return forms;
	}

}
