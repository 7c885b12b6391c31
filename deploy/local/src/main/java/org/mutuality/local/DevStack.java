package org.mutuality.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.LoggerFactory;

import org.mutuality.platform.test.infra.kafka.InJvmKafkaBroker;
import org.mutuality.platform.test.infra.keycloak.KeycloakDatabase;
import org.mutuality.platform.test.infra.keycloak.KeycloakDistribution;
import org.mutuality.platform.test.infra.keycloak.KeycloakProcess;
import org.mutuality.platform.test.infra.postgres.Database;
import org.mutuality.platform.test.infra.postgres.EmbeddedPostgresServer;
import org.mutuality.platform.test.infra.support.ChildProcesses;
import org.mutuality.platform.test.infra.support.Ports;
import org.mutuality.platform.test.security.DemoAccount;

/**
 * {@code ./mutuality up}: starts the whole platform on this machine, without Docker. Embedded PostgreSQL (one
 * database and owner per service, plus Keycloak's) and the Kafka broker run first, in parallel; then Keycloak and the
 * three services; the gateway once Keycloak answers. An embedded SMTP server takes the emails booking-service sends,
 * and a page on the mailbox port shows them. Each application is {@code java -jar} of its module's jar,
 * configured through Spring's standard environment variables. Data, generated secrets and logs stay in the state
 * directory. Ctrl-C or SIGTERM stops everything, children and their children included.
 */
public final class DevStack {

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private static final List<String> SERVICES = List.of("content-service", "assessment-service", "booking-service");

	private static final String KEYCLOAK_ADMIN = "admin";

	/** Memory settings for a 2-core, 8 GB laptop running five JVMs; MUTUALITY_JAVA_OPTS replaces them. */
	private static final String DEFAULT_JAVA_OPTIONS = "-XX:+UseSerialGC -Xms32m -Xmx192m -XX:MaxMetaspaceSize=192m "
			+ "-XX:ReservedCodeCacheSize=64m -Xss512k -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError";

	private static final String KEYCLOAK_HEAP = "-Xms64m -Xmx384m";

	private final DevStackOptions options;

	private final StackPorts ports;

	private final StateDirectory state;

	private final PrintStream out = System.out;

	private final long startedAt = System.nanoTime();

	private final ExecutorService executor = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "dev-stack");
		thread.setDaemon(true);
		return thread;
	});

	private final List<JavaApplication> applications = new CopyOnWriteArrayList<>();

	private final Object lock = new Object();

	private boolean stopping;

	private EmbeddedPostgresServer postgres;

	private InJvmKafkaBroker kafka;

	private KeycloakProcess keycloak;

	private DevMailbox mailbox;

	private DevStack(DevStackOptions options) {
		this.options = options;
		this.ports = StackPorts.shiftedBy(options.portOffset());
		this.state = new StateDirectory(options.stateDirectory());
	}

	/**
	 * Runs the dev stack until Ctrl-C or SIGTERM. Options: {@code --root DIR}, {@code --state-dir DIR},
	 * {@code --port-offset N}, {@code --reset}.
	 */
	public static void main(String[] args) {
		DevStackOptions options;
		try {
			options = DevStackOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(DevStackOptions.USAGE);
			System.exit(2);
			return;
		}
		// before anything logs: the launcher's own log (the in-JVM broker, zonky) goes to the state directory; the
		// configuration has a name of its own so that no other JVM with this module on its class path picks it up
		System.setProperty("logback.configurationFile", "org/mutuality/local/launcher-logback.xml");
		System.setProperty("mutuality.log.dir", options.stateDirectory().resolve("logs").toString());
		int status = new DevStack(options).run();
		if (status != 0) {
			System.exit(status);
		}
	}

	private int run() {
		this.out.println("Mutuality dev stack: state in " + display(this.state.root())
				+ ((this.options.portOffset() != 0) ? ", ports shifted by " + this.options.portOffset() : ""));
		List<String> problems = missingFiles();
		if (!problems.isEmpty()) {
			problems.forEach((problem) -> this.out.println("  " + problem));
			this.out.println("Build first: ./mutuality up (without --no-build) or ./mvnw -DskipTests install");
			return 1;
		}
		KeycloakDistribution distribution;
		try {
			distribution = KeycloakDistribution.fromLocalRepository();
		}
		catch (IllegalStateException ex) {
			this.out.println(ex.getMessage());
			return 1;
		}
		if (!this.state.lock()) {
			this.out.println("Another ./mutuality up is running with state directory " + display(this.state.root())
					+ ". Stop it first (Ctrl-C in its terminal), or use --state-dir and --port-offset for a second stack.");
			return 2;
		}
		Map<Integer, String> busy = busyPorts();
		if (!busy.isEmpty()) {
			busy.forEach((port, owner) -> this.out.println("Port " + port + " is already in use, and " + owner
					+ " needs it. Stop what listens there (ss -ltnp 'sport = :" + port + "' shows it)."));
			List<String> leftovers = this.state.leftoverProcesses();
			if (!leftovers.isEmpty()) {
				this.out.println("An earlier dev stack with state in " + display(this.state.root())
						+ " was not stopped and still runs: " + String.join(", ", leftovers) + ". Stop it with: kill "
						+ leftovers.stream().map((process) -> process.split(" ")[0]).collect(Collectors.joining(" ")));
			}
			// 1000 moves no port onto another of the first stack's (100 put the gateway on Keycloak's 8180), and a
			// state directory of its own gives the second Keycloak the second gateway's login addresses (a realm is
			// imported on a state directory's first start only)
			this.out.println("Nothing was started. To run a second stack beside it: "
					+ "./mutuality up --port-offset 1000 --state-dir .mutuality-2");
			return 2;
		}
		String gatewayUrl = gatewayUrl();
		Optional<String> moved = gatewayMoved(this.state, this.options.reset(), gatewayUrl);
		if (moved.isPresent()) {
			this.out.println(moved.get());
			return 2;
		}
		boolean fresh = this.options.reset() || !this.state.hasData();
		if (this.options.reset()) {
			this.state.reset();
			this.out.println("Reset: deleted the databases, the Kafka log, Keycloak's data and the secrets.");
		}
		if (fresh) {
			// before anything starts: the realm about to be imported names this gateway
			this.state.recordGatewayUrl(gatewayUrl);
		}
		else if (this.state.hasData() && !Files.isRegularFile(this.state.secretsFile())) {
			this.out.println("Warning: " + display(this.state.secretsFile()) + " is gone but the data is not; "
					+ "Keycloak keeps the old gateway secret. Use --reset if the gateway login fails.");
		}
		this.state.rotateLogs();
		// now, before parts start in parallel: the launcher's own log (Kafka, zonky) opens the fresh launcher.log
		LoggerFactory.getILoggerFactory();
		StateDirectory.Secrets secrets = this.state.secrets();
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "dev-stack-shutdown"));
		try {
			start(secrets, distribution);
		}
		catch (RuntimeException ex) {
			reportFailure(ex);
			return 1;
		}
		printSummary(secrets);
		recordProcesses();
		watchApplications();
		try {
			new CountDownLatch(1).await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 0;
	}

	private String gatewayUrl() {
		return "http://localhost:" + this.ports.gateway();
	}

	/**
	 * Why a start must not go on, if the state directory's realm was imported for a gateway at another address:
	 * Keycloak imports the realm, with the gateway's login redirect addresses, on a directory's first start only, so
	 * a gateway elsewhere would start and every browser login would fail with "Invalid redirect uri".
	 */
	static Optional<String> gatewayMoved(StateDirectory state, boolean reset, String gatewayUrl) {
		Optional<String> realmGateway = state.recordedGatewayUrl();
		if (reset || !state.hasData() || realmGateway.isEmpty() || realmGateway.get().equals(gatewayUrl)) {
			return Optional.empty();
		}
		return Optional.of("The stack in " + display(state.root()) + " was set up with its gateway at "
				+ realmGateway.get() + ", and Keycloak lets logins return to that address only; this start would put"
				+ " the gateway at " + gatewayUrl + ". Nothing was started. Start it as it was set up ("
				+ portOffsetOf(realmGateway.get()) + "), use another --state-dir, or add --reset to start this one"
				+ " afresh (its data is deleted).");
	}

	/** The {@code --port-offset} option that puts the gateway at the address, as the user would type it. */
	private static String portOffsetOf(String gatewayUrl) {
		int offset = URI.create(gatewayUrl).getPort() - StackPorts.shiftedBy(0).gateway();
		return (offset == 0) ? "no --port-offset" : "--port-offset " + offset;
	}

	private void start(StateDirectory.Secrets secrets, KeycloakDistribution distribution) {
		String issuer = "http://localhost:" + this.ports.keycloak() + "/realms/" + KeycloakProcess.REALM;
		String gatewayUrl = gatewayUrl();
		startMailbox();
		CompletableFuture<EmbeddedPostgresServer> postgres = async(this::startPostgres);
		CompletableFuture<InJvmKafkaBroker> kafka = async(this::startKafka);
		CompletableFuture<KeycloakProcess> keycloak = postgres
			.thenApplyAsync((server) -> startKeycloak(server, distribution, secrets, gatewayUrl), this.executor);
		List<CompletableFuture<JavaApplication>> services = new ArrayList<>();
		int port = this.ports.content();
		for (String service : SERVICES) {
			int servicePort = port++;
			services.add(postgres.thenCombine(kafka, (server, broker) -> serviceEnvironment(service, servicePort,
					server, broker, issuer, gatewayUrl))
				.thenApplyAsync((environment) -> startApplication(service, servicePort, environment), this.executor));
		}
		CompletableFuture<JavaApplication> gateway = keycloak.thenApplyAsync(
				(server) -> startApplication("gateway", this.ports.gateway(),
						gatewayEnvironment(issuer, secrets.gatewayClientSecret())),
				this.executor);
		List<CompletableFuture<?>> all = new ArrayList<>(List.of(postgres, kafka, keycloak, gateway));
		all.addAll(services);
		CompletableFuture<Void> firstFailure = new CompletableFuture<>();
		all.forEach((part) -> part.whenComplete((result, failure) -> {
			if (failure != null) {
				firstFailure.completeExceptionally(failure);
			}
		}));
		try {
			CompletableFuture.anyOf(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)), firstFailure)
				.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	/** The SMTP server booking-service sends to, and the page that shows what it received: up in a moment. */
	private void startMailbox() {
		try {
			DevMailbox started = DevMailbox.start(this.ports.smtp(), this.ports.mailbox());
			register(() -> this.mailbox = started);
		}
		catch (IOException ex) {
			throw new StartupException("The dev mailbox did not start: " + ex.getMessage(), null, ex);
		}
		say("Mailbox", mailboxUrl() + "  (SMTP localhost:" + this.ports.smtp() + ")");
	}

	private String mailboxUrl() {
		return "http://localhost:" + this.ports.mailbox() + "/";
	}

	private EmbeddedPostgresServer startPostgres() {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.builder()
			.port(this.ports.postgres())
			.dataDirectory(this.state.postgres())
			.logFile(this.state.log("postgres"))
			.build();
		register(() -> this.postgres = server);
		try {
			server.start();
			for (String service : SERVICES) {
				server.ensureDatabase(databaseName(service));
			}
			server.ensureDatabase("keycloak");
		}
		catch (RuntimeException ex) {
			throw new StartupException("PostgreSQL did not start: " + ex.getMessage(), this.state.log("postgres"), ex);
		}
		say("PostgreSQL", "localhost:" + this.ports.postgres() + "  databases content, assessment, booking, keycloak");
		return server;
	}

	private InJvmKafkaBroker startKafka() {
		InJvmKafkaBroker broker = InJvmKafkaBroker.builder()
			.port(this.ports.kafka())
			.controllerPort(this.ports.kafkaController())
			.logDirectory(this.state.kafka())
			.build();
		register(() -> this.kafka = broker);
		try {
			broker.start();
		}
		catch (RuntimeException ex) {
			throw new StartupException("The Kafka broker did not start: " + ex.getMessage(),
					this.state.log("launcher"), ex);
		}
		say("Kafka", broker.bootstrapServers());
		return broker;
	}

	private KeycloakProcess startKeycloak(EmbeddedPostgresServer server, KeycloakDistribution distribution,
			StateDirectory.Secrets secrets, String gatewayUrl) {
		KeycloakProcess process = KeycloakProcess.builder()
			.distribution(distribution)
			.homeDirectory(this.state.keycloak())
			.port(this.ports.keycloak())
			.database(KeycloakDatabase.postgres(server.ensureDatabase("keycloak")))
			.realmImport(realmFile())
			.gatewayClientSecret(secrets.gatewayClientSecret())
			.gatewayUrl(gatewayUrl)
			.bootstrapAdmin(KEYCLOAK_ADMIN, secrets.keycloakAdminPassword())
			.heap(KEYCLOAK_HEAP)
			.environment("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1")
			.environment("MALLOC_ARENA_MAX", "2")
			.logFile(this.state.log("keycloak"))
			.startupTimeout(READY_TIMEOUT)
			.build();
		register(() -> this.keycloak = process);
		try {
			process.start();
		}
		catch (RuntimeException ex) {
			throw new StartupException("Keycloak did not start: " + firstLine(ex.getMessage()),
					this.state.log("keycloak"), ex);
		}
		say("Keycloak " + distribution.version(), process.baseUrl());
		return process;
	}

	private JavaApplication startApplication(String name, int port, Map<String, String> settings) {
		Map<String, String> environment = new LinkedHashMap<>(settings);
		// glibc's per-thread malloc arenas cost a JVM tens of MB of resident memory for nothing
		environment.putIfAbsent("MALLOC_ARENA_MAX", "2");
		Path jar = this.state.runnableCopy(jar(name));
		JavaApplication application = new JavaApplication(name, jar, port, environment, javaOptions(),
				this.state.log(name));
		register(() -> this.applications.add(application));
		try {
			application.start();
		}
		catch (RuntimeException ex) {
			throw new StartupException(name + " did not start: " + ex.getMessage(), application.logFile(), ex);
		}
		application.awaitReady(READY_TIMEOUT);
		say(name, application.url());
		return application;
	}

	private Map<String, String> serviceEnvironment(String service, int port, EmbeddedPostgresServer server,
			InJvmKafkaBroker broker, String issuer, String gatewayUrl) {
		Database database = server.ensureDatabase(databaseName(service));
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SERVER_PORT", String.valueOf(port));
		environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
		environment.put("SPRING_DATASOURCE_USERNAME", database.username());
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
		environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", issuer);
		environment.put("MUTUALITY_DEMO_DATA", "true");
		// the public address links are made with (feed, sitemap, calendar subscriptions)
		environment.put("MUTUALITY_SITE_BASE_URL", gatewayUrl);
		environment.put("MUTUALITY_PUBLIC_BASE_URL", gatewayUrl);
		if (service.equals("booking-service")) {
			// the booking emails go to the dev mailbox
			environment.put("SPRING_MAIL_HOST", "127.0.0.1");
			environment.put("SPRING_MAIL_PORT", String.valueOf(this.ports.smtp()));
		}
		return environment;
	}

	private Map<String, String> gatewayEnvironment(String issuer, String clientSecret) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SERVER_PORT", String.valueOf(this.ports.gateway()));
		environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", issuer);
		environment.put("CONTENT_SERVICE_URI", "http://localhost:" + this.ports.content());
		environment.put("ASSESSMENT_SERVICE_URI", "http://localhost:" + this.ports.assessment());
		environment.put("BOOKING_SERVICE_URI", "http://localhost:" + this.ports.booking());
		environment.put("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_KEYCLOAK_ISSUER_URI", issuer);
		environment.put("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_KEYCLOAK_CLIENT_SECRET", clientSecret);
		return environment;
	}

	/** Stops every part, newest layer first: applications and Keycloak, then Kafka, then PostgreSQL. */
	private void stop() {
		synchronized (this.lock) {
			if (this.stopping) {
				return;
			}
			this.stopping = true;
		}
		this.out.println();
		this.out.println("Stopping the dev stack...");
		List<Thread> stopping = new ArrayList<>();
		for (JavaApplication application : this.applications) {
			stopping.add(new Thread(() -> application.stop(STOP_GRACE), "stop-" + application.name()));
		}
		KeycloakProcess keycloakProcess = this.keycloak;
		if (keycloakProcess != null) {
			stopping.add(new Thread(keycloakProcess::close, "stop-keycloak"));
		}
		stopping.forEach(Thread::start);
		for (Thread thread : stopping) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		quietly("the mailbox", this.mailbox);
		quietly("Kafka", this.kafka);
		quietly("PostgreSQL", this.postgres);
		this.state.forgetProcesses();
		this.out.println("Stopped. Data kept in " + display(this.state.root()) + ".");
		this.out.flush();
	}

	private void quietly(String name, AutoCloseable part) {
		if (part == null) {
			return;
		}
		try {
			part.close();
		}
		catch (Exception ex) {
			this.out.println("  could not stop " + name + ": " + ex.getMessage());
		}
	}

	/** Records a part before it starts, so that a stop from now on stops it; refuses once stopping began. */
	private void register(Runnable record) {
		synchronized (this.lock) {
			if (this.stopping) {
				throw new IllegalStateException("stopping");
			}
			record.run();
		}
	}

	private <T> CompletableFuture<T> async(Supplier<T> task) {
		return CompletableFuture.supplyAsync(task, this.executor);
	}

	private void reportFailure(RuntimeException failure) {
		synchronized (this.lock) {
			if (this.stopping) {
				return;
			}
		}
		Throwable cause = failure;
		while (!(cause instanceof StartupException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		this.out.println();
		if (cause instanceof StartupException startup) {
			this.out.println("FAILED: " + firstLine(startup.getMessage()));
			Path log = startup.logFile();
			if (log != null) {
				this.out.println("End of " + display(log) + ":");
				String tail = ChildProcesses.tail(log, 40);
				this.out.println(indent(tail));
				if (tail.contains("Migrations have failed validation")) {
					this.out.println("Its database was migrated by other code than this jar's (an edited migration?); "
							+ "./mutuality up --reset starts with empty databases.");
				}
			}
		}
		else {
			this.out.println("FAILED: " + failure);
		}
		this.out.println("Stopping what had started. Logs: " + display(this.state.logs()));
	}

	private void printSummary(StateDirectory.Secrets secrets) {
		String keycloakUrl = this.keycloak.baseUrl();
		this.out.println();
		this.out.printf(Locale.ROOT, "Mutuality is up after %.0f s.%n%n", seconds());
		this.out.printf("  %-19s %s   <- the entry point%n", "gateway", "http://localhost:" + this.ports.gateway());
		for (JavaApplication application : this.applications.stream()
			.sorted(Comparator.comparingInt(JavaApplication::port))
			.toList()) {
			if (!application.name().equals("gateway")) {
				this.out.printf("  %-19s %s%n", application.name(), application.url());
			}
		}
		this.out.printf("  %-19s %s   issuer %s%n", "Keycloak", keycloakUrl, this.keycloak.issuerUri());
		this.out.printf("  %-19s %s/admin   user %s, password %s (kept in %s)%n", "", keycloakUrl, KEYCLOAK_ADMIN,
				secrets.keycloakAdminPassword(), display(this.state.secretsFile()));
		this.out.printf("  %-19s %s   emails the stack sent (SMTP localhost:%d)%n", "mailbox", mailboxUrl(),
				this.ports.smtp());
		this.out.printf("  %-19s localhost:%d%n", "Kafka", this.ports.kafka());
		this.out.printf("  %-19s localhost:%d   databases content, assessment, booking, keycloak; "
				+ "user = database, no password%n", "PostgreSQL", this.ports.postgres());
		this.out.println();
		this.out.println("Demo accounts (password = username):");
		for (DemoAccount account : DemoAccount.values()) {
			this.out.printf("  %-11s %-10s %-14s %s%n", account.username(), account.role(), account.displayName(),
					account.email());
		}
		this.out.println();
		this.out.println("Get a token and call the API:");
		this.out.println("  TOKEN=$(curl -s -d grant_type=password -d client_id=mutuality-cli -d username=client1 "
				+ "-d password=client1 \\");
		this.out.println("      " + this.keycloak.tokenUri() + " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
		this.out.println("  curl -H \"Authorization: Bearer $TOKEN\" http://localhost:" + this.ports.gateway()
				+ "/api/bookings");
		this.out.println();
		this.out.println("Memory (RSS): " + memory());
		this.out.println("Logs in " + display(this.state.logs()) + "; data kept in " + display(this.state.root())
				+ " (./mutuality up --reset starts clean).");
		this.out.println("Press Ctrl-C to stop.");
		this.out.flush();
	}

	private String memory() {
		List<String> parts = new ArrayList<>();
		for (JavaApplication application : this.applications.stream()
			.sorted(Comparator.comparingInt(JavaApplication::port))
			.toList()) {
			ProcessHandle handle = application.processHandle();
			if (handle != null) {
				parts.add(application.name() + " " + megabytes(handle));
			}
		}
		parts.add("Keycloak " + megabytes(this.keycloak.processHandle()));
		long launcher = ProcessMemory.residentMegabytes(ProcessHandle.current().pid());
		parts.add("launcher with Kafka " + ((launcher >= 0) ? launcher + " MB" : "?"));
		return String.join(", ", parts);
	}

	private static String megabytes(ProcessHandle handle) {
		long megabytes = ProcessMemory.residentMegabytes(handle);
		return (megabytes >= 0) ? megabytes + " MB" : "?";
	}

	private void recordProcesses() {
		Map<ProcessHandle, String> processes = new LinkedHashMap<>();
		for (JavaApplication application : this.applications) {
			ProcessHandle handle = application.processHandle();
			if (handle != null) {
				processes.put(handle, application.name());
			}
		}
		ProcessHandle keycloakHandle = this.keycloak.processHandle();
		processes.put(keycloakHandle, "Keycloak");
		keycloakHandle.descendants().forEach((child) -> processes.put(child, "Keycloak"));
		Long postmaster = this.state.postmasterPid();
		if (postmaster != null) {
			ProcessHandle.of(postmaster).ifPresent((handle) -> processes.put(handle, "PostgreSQL"));
		}
		this.state.recordProcesses(processes);
	}

	/** After start-up, a part that dies is reported with the end of its log; the others go on. */
	private void watchApplications() {
		for (JavaApplication application : this.applications) {
			ProcessHandle handle = application.processHandle();
			handle.onExit().thenRun(() -> reportExit(application.name(), application.logFile()));
		}
		this.keycloak.processHandle().onExit().thenRun(() -> reportExit("Keycloak", this.keycloak.logFile()));
	}

	private void reportExit(String name, Path log) {
		synchronized (this.lock) {
			if (this.stopping) {
				return;
			}
		}
		this.out.println();
		this.out.println(name + " has stopped. End of " + display(log) + ":");
		this.out.println(indent(ChildProcesses.tail(log, 30)));
		this.out.println("The rest of the stack is still running; Ctrl-C stops it.");
	}

	private List<String> missingFiles() {
		List<String> missing = new ArrayList<>();
		for (String name : List.of("content-service", "assessment-service", "booking-service", "gateway")) {
			if (!Files.isRegularFile(jar(name))) {
				missing.add("Missing " + display(jar(name)));
			}
		}
		if (!Files.isRegularFile(realmFile())) {
			missing.add("Missing " + display(realmFile()));
		}
		return missing;
	}

	private Map<Integer, String> busyPorts() {
		Map<Integer, String> busy = new LinkedHashMap<>();
		this.ports.owners().forEach((port, owner) -> {
			if (!Ports.isFree(port)) {
				busy.put(port, owner);
			}
		});
		return busy;
	}

	private List<String> javaOptions() {
		String options = System.getenv().getOrDefault("MUTUALITY_JAVA_OPTS", DEFAULT_JAVA_OPTIONS);
		// set but empty means no options at all: "".split gives one empty word, which java took for a class name
		List<String> result = new ArrayList<>(
				Arrays.stream(options.trim().split("\\s+")).filter((option) -> !option.isEmpty()).toList());
		result.add("-Djava.io.tmpdir=" + this.state.temporary());
		return result;
	}

	private Path jar(String module) {
		return this.options.root().resolve(module).resolve("target").resolve(module + ".jar");
	}

	private Path realmFile() {
		return this.options.root().resolve("deploy/keycloak/realm-mutuality.json");
	}

	private static String databaseName(String service) {
		return service.substring(0, service.indexOf('-'));
	}

	private void say(String part, String where) {
		synchronized (this.lock) {
			if (this.stopping) {
				return;
			}
		}
		this.out.printf(Locale.ROOT, "  [%5.1f s] %-19s %s%n", seconds(), part, where);
		this.out.flush();
	}

	private double seconds() {
		return (System.nanoTime() - this.startedAt) / 1e9;
	}

	private static String display(Path path) {
		Path current = Path.of("").toAbsolutePath();
		return path.startsWith(current) ? current.relativize(path).toString() : path.toString();
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end);
	}

	private static String indent(String text) {
		return text.isEmpty() ? "    (empty)" : "    " + text.replace("\n", "\n    ");
	}

}
