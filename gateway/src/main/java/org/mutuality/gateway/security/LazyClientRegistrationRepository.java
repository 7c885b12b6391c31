package org.mutuality.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * The login client registrations of Spring Boot's {@code spring.security.oauth2.client.*} keys,
 * built on first use instead of at start-up: the provider's metadata comes from its issuer's
 * discovery document, and the gateway must start (and serve bearer-token traffic) while Keycloak
 * is still starting or briefly down. A failed discovery is retried on the next login. In a cluster
 * the document may be read at the provider's back channel instead ({@link BackChannelDiscovery}).
 */
final class LazyClientRegistrationRepository implements ReactiveClientRegistrationRepository {

	private static final Logger logger = LoggerFactory.getLogger(LazyClientRegistrationRepository.class);

	private final Mono<Map<String, ClientRegistration>> registrations;

	/**
	 * @param properties Spring Boot's client keys
	 * @param backChannelDiscoveryUri where to read the provider's discovery document instead of at its issuer (see
	 * {@link BackChannelDiscovery}), or {@code null}
	 * @param timeout how long that read may take
	 */
	LazyClientRegistrationRepository(OAuth2ClientProperties properties, URI backChannelDiscoveryUri, Duration timeout) {
		this.registrations = Mono
			.fromCallable(() -> (backChannelDiscoveryUri != null)
					? BackChannelDiscovery.registrations(properties, SecurityConfiguration.REGISTRATION_ID,
							backChannelDiscoveryUri, timeout)
					: new OAuth2ClientPropertiesMapper(properties).asClientRegistrations())
			.subscribeOn(Schedulers.boundedElastic())
			.doOnError((ex) -> logger.warn("The login provider's metadata could not be read (retried on next use): {}",
					ex.toString()))
			.cache((loaded) -> Duration.ofMillis(Long.MAX_VALUE), (ex) -> Duration.ZERO, () -> Duration.ZERO);
	}

	@Override
	public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
		return this.registrations.flatMap((all) -> Mono.justOrEmpty(all.get(registrationId)));
	}

	/** Reads the metadata now, in the background, so that the first login does not wait for it. */
	void warmUp() {
		this.registrations.onErrorResume((ex) -> Mono.empty()).subscribe();
	}

}
