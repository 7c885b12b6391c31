package org.mutuality.booking.config;

import io.swagger.v3.oas.models.OpenAPI;
import org.mutuality.platform.openapi.ServiceOpenApi;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's OpenAPI description at {@code /v3/api-docs} (springdoc; Swagger UI is the gateway's): API.md's
 * Booking part with its role rules, and what every service's description shares ({@link ServiceOpenApi}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI bookingOpenApi() {
		return ServiceOpenApi.describe("Mutuality booking-service", """
					Therapists' profiles and availability, free consultation slots, bookings (book, list, cancel, \
					reschedule), therapists' calendars and the follow-up queue (API.md, Booking). Follow-ups come from \
					the Kafka event `assessment.completed.v1` (API.md, Events), which is not part of this HTTP \
					description; booking emails leave through a mail outbox.""");
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return ServiceOpenApi.problemResponses();
	}

}
