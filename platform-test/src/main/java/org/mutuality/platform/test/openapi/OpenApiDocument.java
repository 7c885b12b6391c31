package org.mutuality.platform.test.openapi;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * A service's OpenAPI description ({@code /v3/api-docs}) as the tests that pin it to API.md read it: its
 * operations as "METHOD /path", one operation, and schemas with their references resolved.
 */
public final class OpenApiDocument {

	private final JsonNode document;

	public OpenApiDocument(JsonNode document) {
		this.document = document;
	}

	/** The whole document. */
	public JsonNode json() {
		return this.document;
	}

	/** Every operation as "METHOD /path", e.g. {@code GET /api/articles}, sorted. */
	public Set<String> operations() {
		Set<String> operations = new TreeSet<>();
		this.document.path("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.properties()
				.forEach((method) -> operations.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
		return operations;
	}

	/** One operation, named "METHOD /path"; fails when the document has no such operation. */
	public JsonNode operation(String operation) {
		String[] parts = operation.split(" ", 2);
		JsonNode op = this.document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
		if (op.isMissingNode()) {
			throw new AssertionError("The OpenAPI description has no operation " + operation);
		}
		return op;
	}

	/** The schema of the first media type of a content object, references resolved. */
	public JsonNode schema(JsonNode content) {
		if (content.isMissingNode() || content.isEmpty()) {
			throw new AssertionError("No content to take a schema from");
		}
		return resolve(content.values().iterator().next().path("schema"));
	}

	/** The schema itself, or the one its {@code $ref} points to in this document. */
	public JsonNode resolve(JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		return ref.isEmpty() ? schema : this.document.at(ref.substring(1));
	}

	/** The {@code $ref} of a response's problem+json schema, or an empty string. */
	public static String problemSchemaOf(JsonNode response) {
		return response.at("/content/application~1problem+json/schema/$ref").asString("");
	}

	/** The property names of a JSON object, sorted. */
	public static Set<String> names(JsonNode object) {
		Set<String> names = new TreeSet<>();
		object.properties().forEach((entry) -> names.add(entry.getKey()));
		return names;
	}

}
