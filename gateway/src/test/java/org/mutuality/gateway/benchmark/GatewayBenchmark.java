package org.mutuality.gateway.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.mutuality.gateway.GatewayApplication;
import org.mutuality.platform.test.benchmark.Latencies;

/**
 * The gateway's overhead on a public read, side by side in one run: the same {@code GET} sent
 * straight to the service and through the gateway, in alternating rounds, with the same number of
 * concurrent callers. Not part of {@code verify} (run it with {@code -Pbenchmark}, see
 * BENCHMARKS.md); it asserts nothing and prints a table.
 *
 * <p>By default it starts a stand-in service (Reactor Netty, a 2 KB JSON page) and the gateway
 * in this JVM. With {@code -Dbenchmark.direct=URL -Dbenchmark.gateway=URL} it measures running
 * processes instead (the dev stack: {@code http://localhost:8081/api/articles} and
 * {@code http://localhost:8080/api/articles}; start that gateway with a rate limit above the load).
 */
class GatewayBenchmark {

	private static final String BODY = "{\"items\":[" + String.join(",", java.util.Collections.nCopies(12,
			"{\"id\":\"6d1f0a3e-1111-4222-8333-944455556666\",\"slug\":\"finding-calm\",\"title\":\"Finding calm\",\"summary\":\"A short read about breathing, sleep and routines.\",\"topics\":[\"anxiety\"],\"readingMinutes\":4}"))
			+ "],\"page\":0,\"size\":12,\"totalItems\":12,\"totalPages\":1}";

	private final int concurrency = Integer.getInteger("benchmark.concurrency", 32);

	private final Duration round = Duration.ofSeconds(Long.getLong("benchmark.seconds", 15));

	private final int rounds = Integer.getInteger("benchmark.rounds", 3);

	/** Seconds of load on each side before measuring; a JVM with C2 needs a minute or more to compile the paths. */
	private final Duration warmUp = Duration.ofSeconds(Long.getLong("benchmark.warmup", 10));

	@Test
	void compareDirectAndThroughTheGateway() {
		String direct = System.getProperty("benchmark.direct");
		String gateway = System.getProperty("benchmark.gateway");
		DisposableServer service = null;
		ConfigurableApplicationContext application = null;
		if (direct == null || gateway == null) {
			// as GatewayApplication.main does, before this JVM's first Reactor Netty server or client
			GatewayApplication.oneEventLoopPerProcessor();
			service = HttpServer.create()
				.host("127.0.0.1")
				.port(0)
				.route((routes) -> routes.get("/**", (request, response) -> response.status(HttpResponseStatus.OK)
					.header("Content-Type", "application/json")
					.sendString(Mono.just(BODY))))
				.bindNow();
			String serviceUri = "http://127.0.0.1:" + service.port();
			List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--CONTENT_SERVICE_URI=" + serviceUri,
					"--logging.level.root=WARN", "--mutuality.gateway.rate-limit.standard.requests=1000000",
					"--mutuality.gateway.rate-limit.standard.burst=1000000"));
			// more gateway settings for experiments, e.g. -Dbenchmark.args="--management.tracing.sampling.probability=0.1"
			arguments.addAll(Arrays.asList(System.getProperty("benchmark.args", "").split("\\s+")));
			arguments.removeIf(String::isBlank);
			application = new SpringApplicationBuilder(GatewayApplication.class).run(arguments.toArray(String[]::new));
			int port = ((WebServerApplicationContext) application).getWebServer().getPort();
			direct = serviceUri + "/api/articles";
			gateway = "http://127.0.0.1:" + port + "/api/articles";
		}
		try {
			ConnectionProvider connections = ConnectionProvider.builder("benchmark").maxConnections(this.concurrency * 2).build();
			HttpClient client = HttpClient.create(connections).responseTimeout(Duration.ofSeconds(10));
			System.out.printf("%nwarming up (%d s each)...%n", this.warmUp.toSeconds());
			run(client, direct, this.warmUp);
			run(client, gateway, this.warmUp);
			List<Result> directResults = new ArrayList<>();
			List<Result> gatewayResults = new ArrayList<>();
			for (int i = 0; i < this.rounds; i++) {
				directResults.add(run(client, direct, this.round));
				gatewayResults.add(run(client, gateway, this.round));
			}
			Result d = Result.merge(directResults);
			Result g = Result.merge(gatewayResults);
			System.out.printf(Locale.ROOT, "%n%-8s %10s %8s %8s %8s %8s %6s%n", "target", "req/s", "p50 ms", "p90 ms", "p99 ms",
					"max ms", "errors");
			print("direct", d);
			print("gateway", g);
			System.out.printf(Locale.ROOT, "gateway/direct: throughput %.0f%% (bar >= 60%%), p99 %.2fx (bar <= 1.5x)%n%n",
					100.0 * g.throughput() / d.throughput(),
					g.latencies().percentile(0.99) / d.latencies().percentile(0.99));
			connections.dispose();
		}
		finally {
			if (application != null) {
				application.close();
			}
			if (service != null) {
				service.disposeNow();
			}
		}
	}

	private Result run(HttpClient client, String url, Duration duration) {
		long deadline = System.nanoTime() + duration.toNanos();
		long started = System.nanoTime();
		List<long[]> latencies = Flux.range(0, this.concurrency)
			.flatMap((worker) -> Flux.<Long>generate((sink) -> sink.next(System.nanoTime()))
				.takeWhile((now) -> now < deadline)
				.concatMap((sent) -> client.get()
					.uri(url)
					.responseSingle((response, body) -> body.then(Mono.just(response.status().code())))
					.map((status) -> (status == 200) ? System.nanoTime() - sent : -1L)
					.onErrorReturn(-1L), 1)
				.collectList()
				.map((list) -> list.stream().mapToLong(Long::longValue).toArray()), this.concurrency)
			.collectList()
			.block();
		long took = System.nanoTime() - started;
		long errors = latencies.stream().flatMapToLong(Arrays::stream).filter((latency) -> latency < 0).count();
		long[] ok = latencies.stream().flatMapToLong(Arrays::stream).filter((latency) -> latency >= 0).toArray();
		return new Result(Latencies.of(ok), errors, took);
	}

	private static void print(String name, Result result) {
		Latencies latencies = result.latencies();
		System.out.printf(Locale.ROOT, "%-8s %10.0f %8.2f %8.2f %8.2f %8.2f %6d%n", name, result.throughput(),
				latencies.percentile(0.50), latencies.percentile(0.90), latencies.percentile(0.99), latencies.max(),
				result.errors());
	}

	private record Result(Latencies latencies, long errors, long nanos) {

		double throughput() {
			return this.latencies.count() / (this.nanos / 1e9);
		}

		static Result merge(List<Result> results) {
			Latencies all = results.stream().map(Result::latencies).reduce(Latencies.of(), Latencies::plus);
			return new Result(all, results.stream().mapToLong(Result::errors).sum(),
					results.stream().mapToLong(Result::nanos).sum());
		}

	}

}
