package org.mutuality.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

/** Many requests at once, as one caller; what came back, counted by status. */
final class Flood {

	private Flood() {
	}

	/** One answer, and the index of the client it came through. */
	record Answer(int client, int status, String retryAfter, String contentType) {
	}

	record Result(List<Answer> answers, Duration took) {

		Map<Integer, Long> byStatus() {
			return this.answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
		}

		long count(int status) {
			return this.answers.stream().filter((answer) -> answer.status() == status).count();
		}

		/** The answers that came through each client, by the client's index. */
		Map<Integer, Result> byClient() {
			return this.answers.stream()
				.collect(Collectors.groupingBy(Answer::client,
						Collectors.collectingAndThen(Collectors.toList(), (answers) -> new Result(answers, this.took))));
		}

	}

	static Result send(WebClient client, int requests, Function<WebClient, WebClient.RequestHeadersSpec<?>> request) {
		return send(List.of(client), requests, request);
	}

	/** The requests dealt to the clients in turn, as a load balancer would. */
	static Result send(List<WebClient> clients, int requests,
			Function<WebClient, WebClient.RequestHeadersSpec<?>> request) {
		long started = System.nanoTime();
		List<Answer> answers = Flux.range(0, requests)
			.flatMap((i) -> request.apply(clients.get(i % clients.size()))
				.exchangeToMono((response) -> response.releaseBody()
					.thenReturn(new Answer(i % clients.size(), response.statusCode().value(),
							response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER),
							response.headers().asHttpHeaders().getFirst(HttpHeaders.CONTENT_TYPE)))), 16)
			.collectList()
			.block(Duration.ofMinutes(2));
		return new Result(answers, Duration.ofNanos(System.nanoTime() - started));
	}

}
