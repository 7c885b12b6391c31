package org.mutuality.platform.test.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OpenID provider for security tests: it serves a JWKS and an OpenID discovery document over
 * real HTTP, and mints access tokens shaped like Keycloak's (realm roles in
 * {@code realm_access.roles}, {@code preferred_username}, {@code email}, {@code name}), signed with
 * its RSA key. Every bad variant an API must refuse can be made from the same builder: expired, not
 * yet valid, wrong issuer, wrong audience, signed by a foreign key, unsigned ({@code alg=none}).
 *
 * <p>Use {@link #shared()} for one provider per test JVM, and point the application at
 * {@link #issuerUri()} (and {@link #jwkSetUri()} where it is configured separately).
 */
public final class TestIdentityProvider implements AutoCloseable {

	/** The audience Mutuality's access tokens carry. */
	public static final String AUDIENCE = "mutuality-api";

	private static final String REALM_PATH = "/realms/mutuality";

	private static volatile TestIdentityProvider shared;

	private final HttpServer server;

	private final RSAKey signingKey;

	private final RSAKey foreignKey;

	private final AtomicInteger jwksRequests = new AtomicInteger();

	private volatile boolean available = true;

	private TestIdentityProvider(HttpServer server, RSAKey signingKey, RSAKey foreignKey) {
		this.server = server;
		this.signingKey = signingKey;
		this.foreignKey = foreignKey;
	}

	/** Starts a new provider on a free loopback port. */
	public static TestIdentityProvider start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			TestIdentityProvider provider = new TestIdentityProvider(server, newRsaKey(), newRsaKey());
			server.createContext(REALM_PATH + "/protocol/openid-connect/certs", provider::serveJwks);
			server.createContext(REALM_PATH + "/.well-known/openid-configuration", provider::serveDiscovery);
			server.start();
			return provider;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One provider for the whole test JVM, started on first use and stopped at exit. */
	public static TestIdentityProvider shared() {
		TestIdentityProvider provider = shared;
		if (provider == null) {
			synchronized (TestIdentityProvider.class) {
				provider = shared;
				if (provider == null) {
					provider = start();
					Runtime.getRuntime().addShutdownHook(new Thread(provider::close, "test-identity-provider-stop"));
					shared = provider;
				}
			}
		}
		return provider;
	}

	/** The issuer, shaped like Keycloak's: {@code http://127.0.0.1:PORT/realms/mutuality}. */
	public String issuerUri() {
		InetSocketAddress address = this.server.getAddress();
		return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + REALM_PATH;
	}

	public String jwkSetUri() {
		return issuerUri() + "/protocol/openid-connect/certs";
	}

	/** How often the JWKS has been fetched: lets a test prove that keys are cached. */
	public int jwksRequests() {
		return this.jwksRequests.get();
	}

	/**
	 * Simulates an outage of the provider: while unavailable, the JWKS and discovery endpoints
	 * answer 503.
	 */
	public void setAvailable(boolean available) {
		this.available = available;
	}

	/** A builder for a valid token of the given demo account; change it to make a bad one. */
	public TokenBuilder token(DemoAccount account) {
		return token().subject(account.id())
			.username(account.username())
			.email(account.email())
			.name(account.displayName())
			.roles(account.roles());
	}

	/** A builder for a valid token with a random subject and no roles. */
	public TokenBuilder token() {
		return new TokenBuilder();
	}

	/** A valid, signed access token for the given demo account. */
	public String tokenFor(DemoAccount account) {
		return token(account).build();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void serveJwks(HttpExchange exchange) throws IOException {
		this.jwksRequests.incrementAndGet();
		respond(exchange, new JWKSet(this.signingKey.toPublicJWK()).toString());
	}

	private void serveDiscovery(HttpExchange exchange) throws IOException {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("issuer", issuerUri());
		document.put("jwks_uri", jwkSetUri());
		document.put("authorization_endpoint", issuerUri() + "/protocol/openid-connect/auth");
		document.put("token_endpoint", issuerUri() + "/protocol/openid-connect/token");
		document.put("subject_types_supported", List.of("public"));
		document.put("id_token_signing_alg_values_supported", List.of("RS256"));
		document.put("response_types_supported", List.of("code"));
		respond(exchange, com.nimbusds.jose.util.JSONObjectUtils.toJSONString(document));
	}

	private void respond(HttpExchange exchange, String json) throws IOException {
		try (exchange) {
			if (!this.available) {
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			byte[] body = json.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private static RSAKey newRsaKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Builds one access token. Defaults make a valid one: this provider's issuer, the
	 * {@value #AUDIENCE} audience, issued now, valid for five minutes, signed with this provider's key.
	 */
	public final class TokenBuilder {

		private String subject = UUID.randomUUID().toString();

		private String username;

		private String email;

		private String name;

		private List<String> roles = new ArrayList<>();

		private String issuer = issuerUri();

		private List<String> audience = List.of(AUDIENCE);

		private Instant issuedAt = Instant.now();

		private Instant notBefore;

		private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(5));

		private RSAKey key = TestIdentityProvider.this.signingKey;

		private boolean unsigned;

		private final Map<String, Object> extraClaims = new LinkedHashMap<>();

		private TokenBuilder() {
		}

		public TokenBuilder subject(String subject) {
			this.subject = subject;
			return this;
		}

		public TokenBuilder username(String username) {
			this.username = username;
			return this;
		}

		public TokenBuilder email(String email) {
			this.email = email;
			return this;
		}

		public TokenBuilder name(String name) {
			this.name = name;
			return this;
		}

		public TokenBuilder roles(String... roles) {
			return roles(List.of(roles));
		}

		public TokenBuilder roles(List<String> roles) {
			this.roles = new ArrayList<>(roles);
			return this;
		}

		public TokenBuilder issuer(String issuer) {
			this.issuer = issuer;
			return this;
		}

		/** The {@code aud} claim; none given leaves it out. */
		public TokenBuilder audience(String... audience) {
			this.audience = List.of(audience);
			return this;
		}

		public TokenBuilder issuedAt(Instant issuedAt) {
			this.issuedAt = issuedAt;
			return this;
		}

		public TokenBuilder notBefore(Instant notBefore) {
			this.notBefore = notBefore;
			return this;
		}

		public TokenBuilder expiresAt(Instant expiresAt) {
			this.expiresAt = expiresAt;
			return this;
		}

		/** Expired {@code age} ago, and issued five minutes before that. */
		public TokenBuilder expired(Duration age) {
			this.expiresAt = Instant.now().minus(age);
			this.issuedAt = this.expiresAt.minus(Duration.ofMinutes(5));
			return this;
		}

		/** Signed with a key the provider does not publish. */
		public TokenBuilder signedWithForeignKey() {
			this.key = TestIdentityProvider.this.foreignKey;
			return this;
		}

		/** Not signed at all: {@code alg=none}. */
		public TokenBuilder unsigned() {
			this.unsigned = true;
			return this;
		}

		public TokenBuilder claim(String name, Object value) {
			this.extraClaims.put(name, value);
			return this;
		}

		/** The compact serialisation, ready for an {@code Authorization: Bearer} header. */
		public String build() {
			JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(this.subject)
				.issuer(this.issuer)
				.jwtID(UUID.randomUUID().toString())
				.issueTime(Date.from(this.issuedAt))
				.expirationTime(Date.from(this.expiresAt))
				.claim("typ", "Bearer")
				.claim("azp", "mutuality-cli")
				.claim("realm_access", Map.of("roles", List.copyOf(this.roles)));
			if (!this.audience.isEmpty()) {
				claims.audience(this.audience);
			}
			if (this.notBefore != null) {
				claims.notBeforeTime(Date.from(this.notBefore));
			}
			if (this.username != null) {
				claims.claim("preferred_username", this.username);
			}
			if (this.email != null) {
				claims.claim("email", this.email).claim("email_verified", true);
			}
			if (this.name != null) {
				claims.claim("name", this.name);
			}
			this.extraClaims.forEach(claims::claim);
			if (this.unsigned) {
				return new PlainJWT(claims.build()).serialize();
			}
			try {
				SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID())
					.type(JOSEObjectType.JWT)
					.build(), claims.build());
				jwt.sign(new RSASSASigner(this.key));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
