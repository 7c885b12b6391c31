package org.mutuality.platform.testapps.servlet;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutuality.platform.test.security.DemoAccount;
import org.mutuality.platform.test.security.TestIdentityProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A service's {@code @WebMvcTest} slice gets the platform too: the Keycloak decoder, the
 * {@code CurrentUser} argument and the problem+json exception handler.
 */
@WebMvcTest(TestController.class)
class ServletSliceTests {

	private static final TestIdentityProvider idp = TestIdentityProvider.shared();

	@Autowired
	private MockMvc mvc;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", idp::issuerUri);
	}

	@Test
	void resolvesTheCurrentUserFromARealToken() throws Exception {
		this.mvc.perform(get("/me").header("Authorization", "Bearer " + idp.tokenFor(DemoAccount.CLIENT3)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.user.username").value("client3"))
			.andExpect(jsonPath("$.user.roles[0]").value("client"));
	}

	@Test
	void answersDomainProblemsWithProblemJson() throws Exception {
		UUID id = UUID.randomUUID();
		this.mvc.perform(get("/bookings/" + id).header("Authorization", "Bearer " + idp.tokenFor(DemoAccount.CLIENT3)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.instance").value("/bookings/" + id));
	}

	@Test
	void answersABadTokenWith401() throws Exception {
		this.mvc.perform(get("/me").header("Authorization", "Bearer " + idp.token(DemoAccount.CLIENT3).unsigned().build()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer error=\"invalid_token\"")))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

}
