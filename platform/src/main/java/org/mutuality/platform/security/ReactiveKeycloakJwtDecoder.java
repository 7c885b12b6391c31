package org.mutuality.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.JWTProcessor;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The reactive counterpart of {@link KeycloakJwtDecoders#jwtDecoder()}, kept apart so that servlet
 * applications never load Reactor. It wraps the same cached, outage-tolerant Nimbus processor in a
 * {@link NimbusReactiveJwtDecoder}; as the processor may block while it fetches the JWKS, it runs on
 * the bounded-elastic scheduler, never on an event-loop thread.
 */
final class ReactiveKeycloakJwtDecoder {

	private ReactiveKeycloakJwtDecoder() {
	}

	static ReactiveJwtDecoder create(KeycloakJwtDecoders decoders) {
		JWTProcessor<SecurityContext> processor = decoders.jwtProcessor();
		NimbusReactiveJwtDecoder decoder = new NimbusReactiveJwtDecoder(
				(JWT jwt) -> Mono.fromCallable(() -> process(processor, jwt)).subscribeOn(Schedulers.boundedElastic()));
		decoder.setJwtValidator(decoders.validator());
		return decoder;
	}

	// the same translation as NimbusJwtDecoder's: a bad token is a BadJwtException (401), a failure to
	// get the keys is a plain JwtException (the authentication service is unavailable)
	private static JWTClaimsSet process(JWTProcessor<SecurityContext> processor, JWT jwt) {
		try {
			return processor.process(jwt, null);
		}
		catch (BadJOSEException ex) {
			throw new BadJwtException("The token was rejected: " + ex.getMessage(), ex);
		}
		catch (JOSEException ex) {
			throw new JwtException("The token could not be verified: " + ex.getMessage(), ex);
		}
	}

}
