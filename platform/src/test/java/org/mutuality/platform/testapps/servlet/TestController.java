package org.mutuality.platform.testapps.servlet;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.mutuality.platform.problem.ConflictException;
import org.mutuality.platform.problem.FieldViolation;
import org.mutuality.platform.problem.NotFoundException;
import org.mutuality.platform.problem.PreconditionFailedException;
import org.mutuality.platform.problem.ValidationProblem;
import org.mutuality.platform.security.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class TestController {

	@GetMapping("/me")
	MeResponse me(CurrentUser user, Authentication authentication) {
		return new MeResponse(user, CurrentUser.current().orElseThrow(), authentication.getName(),
				authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
	}

	@GetMapping("/public/hello")
	Map<String, String> hello() {
		return Map.of("hello", "world");
	}

	@GetMapping("/public/whoami")
	Map<String, Object> whoami(Optional<CurrentUser> user) {
		return user.<Map<String, Object>>map((u) -> Map.of("username", u.username()))
			.orElseGet(() -> Map.of("anonymous", true));
	}

	@GetMapping("/public/needs-user")
	String needsUser(CurrentUser user) {
		return user.username();
	}

	@GetMapping("/public/admin-report")
	@PreAuthorize("hasRole('admin')")
	Map<String, String> adminReport() {
		return Map.of("report", "ok");
	}

	@GetMapping("/therapist/notes")
	Map<String, String> therapistNotes(CurrentUser user) {
		return Map.of("therapist", user.username());
	}

	@GetMapping("/bookings/{id}")
	String booking(@PathVariable UUID id) {
		throw NotFoundException.of("Booking", id);
	}

	@PostMapping("/bookings")
	String book() {
		throw new ConflictException("slot-unavailable", "The slot was just taken; choose another one");
	}

	@PutMapping("/articles/{id}")
	String replaceArticle(@PathVariable UUID id) {
		throw new PreconditionFailedException();
	}

	@PostMapping("/submissions")
	String submit() {
		throw new ValidationProblem(List.of(new FieldViolation("phq-9-9", "is required"),
				new FieldViolation("phq-9-10", "is not an item of this assessment")));
	}

	@GetMapping("/boom")
	String boom() {
		throw new IllegalStateException("could not execute statement: SELECT secret FROM users; java.sql.SQLException");
	}

	/** As a data access layer wraps the driver's refusal of a NUL character in a parameter. */
	@GetMapping("/unstorable-value")
	String unstorableValue() {
		throw new IllegalStateException("could not execute statement",
				new SQLException("Zero bytes may not occur in string parameters.", "22023"));
	}

	/** A unique constraint the code should have checked first: the service's fault, not the request's. */
	@GetMapping("/duplicate-key")
	String duplicateKey() {
		throw new IllegalStateException("could not execute statement",
				new SQLException("duplicate key value violates unique constraint", "23505"));
	}

	@GetMapping("/bad-gateway")
	String badGateway() {
		throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "upstream org.example.Secret at 10.0.0.3 failed");
	}

	@PostMapping(path = "/echo", consumes = MediaType.APPLICATION_JSON_VALUE)
	EchoRequest echo(@Valid @RequestBody EchoRequest request) {
		return request;
	}

	@PostMapping("/raw")
	Map<String, Integer> raw(@RequestBody String body) {
		return Map.of("length", body.length());
	}

	@GetMapping("/items")
	Map<String, Object> items(@RequestParam @Min(0) int page, @RequestParam Kind kind) {
		return Map.of("page", page, "kind", kind);
	}

	record MeResponse(CurrentUser user, CurrentUser fromContext, String name, List<String> authorities) {
	}

	record EchoRequest(@NotBlank String name, @Min(1) @Max(10) int size, @NotNull Kind kind) {
	}

	enum Kind {

		DRAFT, PUBLISHED

	}

}
