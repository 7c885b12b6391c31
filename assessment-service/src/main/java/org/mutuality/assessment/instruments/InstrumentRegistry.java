package org.mutuality.assessment.instruments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every published version of every instrument, immutable once built. {@link #current(String)} is
 * the highest version of an id, the one new submissions use; {@link #find(String, int)} gives any
 * version, so that a submission made under an older one is always scored and explained under that
 * version. Built at start-up with {@link #fromClasspath()}, which reads each
 * {@code instruments/<id>/v<version>.json} and fails fast with an
 * {@link InstrumentDefinitionException} when one is inconsistent. A plain class: the application
 * turns it into a bean.
 */
public final class InstrumentRegistry {

	/** Where the shipped instrument files are: one file per version. */
	public static final String DEFAULT_LOCATION = "classpath*:instruments/*/v*.json";

	private final Map<String, NavigableMap<Integer, Instrument>> versionsById;

	private InstrumentRegistry(Map<String, NavigableMap<Integer, Instrument>> versionsById) {
		this.versionsById = versionsById;
	}

	/** Reads, checks and registers every file at {@link #DEFAULT_LOCATION}. */
	public static InstrumentRegistry fromClasspath() {
		return fromLocations(DEFAULT_LOCATION);
	}

	/**
	 * Reads, checks and registers every file matching the given Spring resource patterns (such as
	 * {@code classpath*:instruments/*}{@code /v*.json}); fails when they match no file at all or
	 * two files declare the same id and version.
	 */
	public static InstrumentRegistry fromLocations(String... locationPatterns) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		Map<String, String> sources = new HashMap<>();
		List<Instrument> instruments = new ArrayList<>();
		for (String pattern : locationPatterns) {
			for (Resource resource : resources(resolver, pattern)) {
				String source = sourceName(resource);
				Instrument instrument;
				try (InputStream in = resource.getInputStream()) {
					instrument = InstrumentReader.read(source, in);
				}
				catch (IOException ex) {
					throw new InstrumentDefinitionException(source, "cannot be read: " + ex.getMessage(), ex);
				}
				String previous = sources.putIfAbsent(instrument.key(), source);
				if (previous != null) {
					throw new InstrumentDefinitionException(source,
							List.of(instrument.key() + " is also defined by " + previous));
				}
				instruments.add(instrument);
			}
		}
		if (instruments.isEmpty()) {
			throw new InstrumentDefinitionException(String.join(", ", locationPatterns),
					List.of("no instrument definition found"));
		}
		return of(instruments);
	}

	/**
	 * Registers the given instruments after checking each for consistency; fails when one is
	 * inconsistent or two share an id and version.
	 */
	public static InstrumentRegistry of(Collection<Instrument> instruments) {
		Map<String, NavigableMap<Integer, Instrument>> versionsById = new TreeMap<>();
		for (Instrument instrument : instruments) {
			List<String> problems = InstrumentValidator.problems(instrument);
			if (!problems.isEmpty()) {
				throw new InstrumentDefinitionException(instrument.key(), problems);
			}
			NavigableMap<Integer, Instrument> versions = versionsById.computeIfAbsent(instrument.id(),
					(id) -> new TreeMap<>());
			if (versions.putIfAbsent(instrument.version(), instrument) != null) {
				throw new InstrumentDefinitionException(instrument.key(), List.of(instrument.key() + " is registered twice"));
			}
		}
		versionsById.replaceAll((id, versions) -> Collections.unmodifiableNavigableMap(versions));
		return new InstrumentRegistry(Collections.unmodifiableMap(versionsById));
	}

	/** The current (highest) version of each instrument, ordered by id. */
	public List<Instrument> currentInstruments() {
		return this.versionsById.values().stream().map(NavigableMap::lastEntry).map(Map.Entry::getValue).toList();
	}

	/** The current (highest) version of the instrument with the given id. */
	public Optional<Instrument> current(String id) {
		NavigableMap<Integer, Instrument> versions = this.versionsById.get(id);
		return (versions != null) ? Optional.of(versions.lastEntry().getValue()) : Optional.empty();
	}

	/** The given version of the instrument with the given id, current or not. */
	public Optional<Instrument> find(String id, int version) {
		NavigableMap<Integer, Instrument> versions = this.versionsById.get(id);
		return (versions != null) ? Optional.ofNullable(versions.get(version)) : Optional.empty();
	}

	/** Every registered version of the instrument with the given id, oldest first; empty if unknown. */
	public List<Instrument> versions(String id) {
		NavigableMap<Integer, Instrument> versions = this.versionsById.get(id);
		return (versions != null) ? List.copyOf(versions.values()) : List.of();
	}

	private static Resource[] resources(PathMatchingResourcePatternResolver resolver, String pattern) {
		try {
			return resolver.getResources(pattern);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list instrument definitions at " + pattern, ex);
		}
	}

	/** The last three segments of the resource's path, such as {@code instruments/phq-9/v1.json}. */
	private static String sourceName(Resource resource) {
		String path;
		try {
			path = resource.getURL().getPath();
		}
		catch (IOException ex) {
			path = String.valueOf(resource.getFilename());
		}
		String[] segments = path.split("/");
		int from = Math.max(0, segments.length - 3);
		return String.join("/", Arrays.copyOfRange(segments, from, segments.length));
	}

}
