package org.mutuality.platform.test.infra.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Calls to a realm's token endpoint.
 */
final class Tokens {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private Tokens() {
	}

	static String passwordGrant(String tokenUri, String clientId, String username, String password) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "password");
		form.put("client_id", clientId);
		form.put("username", username);
		form.put("password", password);
		HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUri))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Keycloak refused a token for '" + username + "' at " + tokenUri + ": "
						+ response.statusCode() + " " + response.body());
			}
			Object token = JSONObjectUtils.parse(response.body()).get("access_token");
			if (!(token instanceof String accessToken)) {
				throw new IllegalStateException("No access_token in the answer of " + tokenUri);
			}
			return accessToken;
		}
		catch (IOException | ParseException ex) {
			throw new IllegalStateException("Could not get a token for '" + username + "' at " + tokenUri, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while getting a token", ex);
		}
	}

	static String formEncode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
