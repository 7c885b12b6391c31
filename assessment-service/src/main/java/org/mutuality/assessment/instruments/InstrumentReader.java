package org.mutuality.assessment.instruments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.mutuality.assessment.instruments.InstrumentDocument.BandDocument;
import org.mutuality.assessment.instruments.InstrumentDocument.ItemDocument;
import org.mutuality.assessment.instruments.InstrumentDocument.OptionDocument;
import org.mutuality.assessment.instruments.InstrumentDocument.RiskRuleDocument;
import org.mutuality.assessment.instruments.InstrumentDocument.SubscaleDocument;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one instrument version file into a checked {@link Instrument}. Reading is strict: an
 * unknown or repeated property, a missing field, a value of the wrong JSON type (no {@code "3"} or
 * {@code 3.5} for a whole number) or a trailing token is a problem, as is a file
 * whose id and version do not match its path ({@code .../<id>/v<version>.json}); then
 * {@link InstrumentValidator} checks the instrument's consistency. All problems of a file are
 * reported together in one {@link InstrumentDefinitionException}.
 */
final class InstrumentReader {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private InstrumentReader() {
	}

	/**
	 * Reads and checks the definition in the given stream; {@code source} is its path, such as
	 * {@code instruments/phq-9/v1.json}, and must end with the instrument's id and version.
	 */
	static Instrument read(String source, InputStream json) {
		InstrumentDocument document;
		try {
			document = MAPPER.readValue(json, InstrumentDocument.class);
		}
		catch (JacksonException ex) {
			throw new InstrumentDefinitionException(source, describe(ex), ex);
		}
		if (document == null) {
			throw new InstrumentDefinitionException(source, List.of("the file holds no instrument"));
		}
		List<String> problems = new ArrayList<>();
		Instrument instrument = new DocumentConverter(problems).convert(document);
		if (!problems.isEmpty()) {
			throw new InstrumentDefinitionException(source, problems);
		}
		problems.addAll(matchPath(source, instrument));
		problems.addAll(InstrumentValidator.problems(instrument));
		if (!problems.isEmpty()) {
			throw new InstrumentDefinitionException(source, problems);
		}
		return instrument;
	}

	/** Reads the definition in the given string; see {@link #read(String, InputStream)}. */
	static Instrument read(String source, String json) {
		try (InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))) {
			return read(source, in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> matchPath(String source, Instrument instrument) {
		String[] segments = source.replace('\\', '/').split("/");
		String file = segments[segments.length - 1];
		String folder = (segments.length > 1) ? segments[segments.length - 2] : "";
		String expectedFile = "v" + instrument.version() + ".json";
		if (folder.equals(instrument.id()) && file.equals(expectedFile)) {
			return List.of();
		}
		return List.of("the file declares " + instrument.key() + " and so must be .../" + instrument.id() + "/"
				+ expectedFile + " (a new version is a new file; a published one is never edited)");
	}

	private static String describe(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		String message = ex.getOriginalMessage();
		int classHint = message.indexOf(" (class ");
		if (classHint > 0) {
			message = message.substring(0, classHint);
		}
		StringBuilder problem = new StringBuilder("cannot be read");
		if (path.length() > 0) {
			problem.append(" at ").append(path);
		}
		if (ex.getLocation() != null && ex.getLocation().getLineNr() > 0) {
			problem.append(" (line ").append(ex.getLocation().getLineNr()).append(')');
		}
		return problem.append(": ").append(message).toString();
	}

	/** Turns a document into an instrument, recording each missing or malformed field. */
	private static final class DocumentConverter {

		private final List<String> problems;

		DocumentConverter(List<String> problems) {
			this.problems = problems;
		}

		Instrument convert(InstrumentDocument doc) {
			String id = present(doc.id(), "id");
			Integer version = present(doc.version(), "version");
			String title = present(doc.title(), "title");
			String summary = present(doc.summary(), "summary");
			String instructions = present(doc.instructions(), "instructions");
			Integer minutes = present(doc.estimatedMinutes(), "estimatedMinutes");
			Attribution attribution = null;
			if (present(doc.attribution(), "attribution") != null) {
				attribution = new Attribution(present(doc.attribution().credit(), "attribution.credit"),
						doc.attribution().reference(), doc.attribution().terms());
			}
			List<AnswerOption> scale = (doc.answerScale() != null) ? options(doc.answerScale(), "answerScale") : null;
			List<Item> items = new ArrayList<>();
			List<ItemDocument> itemDocuments = present(doc.items(), "items");
			if (itemDocuments != null) {
				for (int i = 0; i < itemDocuments.size(); i++) {
					items.add(item(itemDocuments.get(i), "items[" + i + "]", scale));
				}
			}
			List<Subscale> subscales = new ArrayList<>();
			if (doc.subscales() != null) {
				for (int i = 0; i < doc.subscales().size(); i++) {
					subscales.add(subscale(doc.subscales().get(i), "subscales[" + i + "]"));
				}
			}
			List<Band> bands = new ArrayList<>();
			List<BandDocument> bandDocuments = present(doc.bands(), "bands");
			if (bandDocuments != null) {
				for (int i = 0; i < bandDocuments.size(); i++) {
					bands.add(band(bandDocuments.get(i), "bands[" + i + "]"));
				}
			}
			List<RiskRule> riskRules = new ArrayList<>();
			if (doc.riskRules() != null) {
				for (int i = 0; i < doc.riskRules().size(); i++) {
					riskRules.add(riskRule(doc.riskRules().get(i), "riskRules[" + i + "]"));
				}
			}
			Map<RecommendationKind, String> messages = messages(present(doc.messages(), "messages"));
			if (!this.problems.isEmpty()) {
				return null;
			}
			return new Instrument(id, version, title, summary, instructions, minutes, attribution,
					doc.scoringNotes(), items, subscales, bands, riskRules, messages);
		}

		private Item item(ItemDocument doc, String path, List<AnswerOption> scale) {
			if (present(doc, path) == null) {
				return null;
			}
			String id = present(doc.id(), path + ".id");
			String text = present(doc.text(), path + ".text");
			List<AnswerOption> options;
			if (doc.options() != null) {
				options = options(doc.options(), path + ".options");
			}
			else {
				options = scale;
				if (scale == null) {
					this.problems.add(path + ".options is missing and there is no valid answerScale to fall back on");
				}
			}
			if (id == null || text == null || options == null) {
				return null;
			}
			return new Item(id, text, orDefault(doc.required(), true), orDefault(doc.scored(), true), options,
					orDefault(doc.reverseScored(), false), doc.subscale());
		}

		/** The options as listed, or {@code null} (with the problems recorded) when one is incomplete. */
		private List<AnswerOption> options(List<OptionDocument> docs, String path) {
			if (docs.isEmpty()) {
				this.problems.add(path + " is empty");
				return null;
			}
			List<AnswerOption> options = new ArrayList<>();
			for (int i = 0; i < docs.size(); i++) {
				OptionDocument doc = present(docs.get(i), path + "[" + i + "]");
				if (doc != null) {
					Integer value = present(doc.value(), path + "[" + i + "].value");
					String label = present(doc.label(), path + "[" + i + "].label");
					if (value != null && label != null) {
						options.add(new AnswerOption(value, label));
					}
				}
			}
			return (options.size() == docs.size()) ? List.copyOf(options) : null;
		}

		private Subscale subscale(SubscaleDocument doc, String path) {
			if (present(doc, path) == null) {
				return null;
			}
			String code = present(doc.code(), path + ".code");
			String label = present(doc.label(), path + ".label");
			if (code == null || label == null) {
				return null;
			}
			return new Subscale(code, label, doc.description(), orDefault(doc.reversedInTotal(), false));
		}

		private Band band(BandDocument doc, String path) {
			if (present(doc, path) == null) {
				return null;
			}
			String code = present(doc.code(), path + ".code");
			Integer min = present(doc.min(), path + ".min");
			Integer max = present(doc.max(), path + ".max");
			String label = present(doc.label(), path + ".label");
			String description = present(doc.description(), path + ".description");
			RecommendationKind recommendation = kind(present(doc.recommendation(), path + ".recommendation"),
					path + ".recommendation");
			if (code == null || min == null || max == null || label == null || description == null
					|| recommendation == null) {
				return null;
			}
			return new Band(code, min, max, label, description, recommendation);
		}

		private RiskRule riskRule(RiskRuleDocument doc, String path) {
			if (present(doc, path) == null) {
				return null;
			}
			String flag = present(doc.flag(), path + ".flag");
			String itemId = present(doc.itemId(), path + ".itemId");
			Integer atLeast = present(doc.atLeast(), path + ".atLeast");
			if (flag == null || itemId == null || atLeast == null) {
				return null;
			}
			return new RiskRule(flag, itemId, atLeast, doc.description());
		}

		private Map<RecommendationKind, String> messages(Map<String, String> docs) {
			Map<RecommendationKind, String> messages = new EnumMap<>(RecommendationKind.class);
			if (docs == null) {
				return messages;
			}
			docs.forEach((key, message) -> {
				RecommendationKind kind = kind(key, "messages." + key);
				if (kind != null && present(message, "messages." + key) != null) {
					messages.put(kind, message);
				}
			});
			return messages;
		}

		private RecommendationKind kind(String name, String path) {
			if (name == null) {
				return null;
			}
			try {
				return RecommendationKind.valueOf(name);
			}
			catch (IllegalArgumentException ex) {
				this.problems.add(path + ": '" + name + "' is not a recommendation kind (expected one of "
						+ String.join(", ", Arrays.stream(RecommendationKind.values()).map(Enum::name).toList()) + ")");
				return null;
			}
		}

		private <T> T present(T value, String path) {
			if (value == null) {
				this.problems.add(path + " is missing");
			}
			return value;
		}

		private static boolean orDefault(Boolean value, boolean defaultValue) {
			return (value != null) ? value : defaultValue;
		}

	}

}
