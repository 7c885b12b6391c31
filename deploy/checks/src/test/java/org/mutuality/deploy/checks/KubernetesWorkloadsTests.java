package org.mutuality.deploy.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.mutuality.deploy.checks.Manifests.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mutuality.deploy.checks.Repository.APPLICATIONS;
import static org.mutuality.deploy.checks.Repository.at;
import static org.mutuality.deploy.checks.Repository.list;
import static org.mutuality.deploy.checks.Repository.map;
import static org.mutuality.deploy.checks.Repository.string;

/**
 * The Kubernetes workloads are fit to run: probes, requests and limits, a locked-down security context,
 * graceful shutdown and spreading for every Deployment and StatefulSet; for every application a Service, a
 * PodDisruptionBudget, an autoscaling/v2 HorizontalPodAutoscaler and a NetworkPolicy that lets only the
 * gateway (and Prometheus) in; and every Secret they read is one an operator writes or one the
 * deployment instructions create.
 */
class KubernetesWorkloadsTests {

	/** Secrets that the operators write: CloudNativePG's {@code <cluster>-app}. */
	private static final String OPERATOR_SECRET = "[a-z0-9-]+-db-app";

	private static final Set<String> OPERATOR_SECRET_KEYS = Set.of("username", "password", "jdbc-uri", "uri", "host",
			"port", "dbname");

	static Resource deployment(List<Resource> resources, String name) {
		return Manifests.ofKind(resources, "Deployment")
			.stream()
			.filter((deployment) -> name.equals(deployment.name()))
			.findFirst()
			.orElseThrow(() -> new AssertionError(Manifests.BASE + " has no Deployment " + name));
	}

	@Test
	void everyWorkloadHasProbesResourcesAndALockedDownSecurityContext() {
		List<String> problems = new ArrayList<>();
		List<Resource> workloads = Manifests.workloads(Manifests.baseResources());
		assertThat(workloads).extracting(Resource::name).containsAll(APPLICATIONS);
		for (Resource workload : workloads) {
			problems.addAll(problems(workload));
		}
		assertThat(problems).as("workloads that are not fit to run").isEmpty();
	}

	@Test
	void detectsAWorkloadWithoutProbesResourcesOrSecurityContext() {
		Resource careless = new Resource(Repository.path(Manifests.BASE), Repository.map(Repository.yaml().load("""
				kind: Deployment
				metadata: {name: careless}
				spec:
				  template:
				    spec:
				      containers:
				        - name: careless
				          image: example/careless:1.0
				          readinessProbe: {httpGet: {path: /ready, port: 8080}}
				          resources: {limits: {memory: 1Gi}}
				"""), "example"));
		assertThat(problems(careless)).anyMatch((problem) -> problem.contains("livenessProbe"))
			.anyMatch((problem) -> problem.contains("startupProbe"))
			.anyMatch((problem) -> problem.contains("requests.cpu"))
			.anyMatch((problem) -> problem.contains("runAsNonRoot"))
			.anyMatch((problem) -> problem.contains("readOnlyRootFilesystem"))
			.anyMatch((problem) -> problem.contains("drop ALL"))
			.noneMatch((problem) -> problem.contains("readinessProbe"));
	}

	static List<String> problems(Resource workload) {
		List<String> problems = new ArrayList<>();
		String where = workload.where();
		Object pod = at(workload.body(), "spec", "template", "spec");
		boolean podNonRoot = Boolean.TRUE.equals(at(pod, "securityContext", "runAsNonRoot"));
		Map<String, String> volumes = new LinkedHashMap<>();
		for (Object volume : list(at(pod, "volumes"), where)) {
			volumes.put(string(at(volume, "name")), (at(volume, "emptyDir") != null) ? "emptyDir" : "other");
		}
		if (at(pod, "terminationGracePeriodSeconds") == null) {
			problems.add(where + ": no terminationGracePeriodSeconds");
		}
		Object replicas = at(workload.body(), "spec", "replicas");
		boolean several = "Deployment".equals(workload.kind()) || (replicas instanceof Number number && number.intValue() > 1);
		if (several && list(at(pod, "topologySpreadConstraints"), where).isEmpty()) {
			problems.add(where + ": replicas not spread over nodes and zones (no topologySpreadConstraints)");
		}
		for (Object entry : list(at(pod, "containers"), where)) {
			Map<String, Object> container = map(entry, where);
			String name = where + ", container " + container.get("name");
			for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
				if (container.get(probe) == null) {
					problems.add(name + ": no " + probe);
				}
			}
			for (String resource : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
				String[] path = resource.split("\\.");
				if (at(container, "resources", path[0], path[1]) == null) {
					problems.add(name + ": no resources." + resource);
				}
			}
			Object security = container.get("securityContext");
			if (!podNonRoot && !Boolean.TRUE.equals(at(security, "runAsNonRoot"))) {
				problems.add(name + ": runAsNonRoot is not true (pod or container securityContext)");
			}
			if (!Boolean.FALSE.equals(at(security, "allowPrivilegeEscalation"))) {
				problems.add(name + ": allowPrivilegeEscalation is not false");
			}
			if (!list(at(security, "capabilities", "drop"), name).contains("ALL")) {
				problems.add(name + ": capabilities do not drop ALL");
			}
			if (!Boolean.TRUE.equals(at(security, "readOnlyRootFilesystem"))) {
				problems.add(name + ": readOnlyRootFilesystem is not true");
			}
			else {
				boolean tmp = list(container.get("volumeMounts"), name).stream()
					.anyMatch((mount) -> "/tmp".equals(at(mount, "mountPath"))
							&& "emptyDir".equals(volumes.get(string(at(mount, "name")))));
				if (!tmp) {
					problems.add(name + ": a read-only root file system needs an emptyDir on /tmp");
				}
			}
		}
		return problems;
	}

	@Test
	void applicationsShutDownGracefully() {
		for (String application : APPLICATIONS) {
			Resource deployment = deployment(Manifests.baseResources(), application);
			Object pod = at(deployment.body(), "spec", "template", "spec");
			int grace = ((Number) Objects.requireNonNull(at(pod, "terminationGracePeriodSeconds"))).intValue();
			for (Map<String, Object> container : Manifests.containers(deployment)) {
				assertThat(at(container, "lifecycle", "preStop"))
					.as(deployment.where() + ": a preStop hook, so that the endpoints drop the pod before it stops")
					.isNotNull();
			}
			// the preStop pause plus Spring's default 30 s per shutdown phase must fit in the grace period
			assertThat(grace).as(deployment.where() + ": terminationGracePeriodSeconds").isGreaterThanOrEqualTo(40);
		}
	}

	@Test
	void everyApplicationHasAServiceADisruptionBudgetAndAnAutoscaler() {
		List<Resource> resources = Manifests.baseResources();
		for (String application : APPLICATIONS) {
			Resource deployment = deployment(resources, application);
			Object labels = at(deployment.body(), "spec", "template", "metadata", "labels");
			assertThat(map(labels, deployment.where()))
				.as(deployment.where() + ": pods labelled with the selector")
				.containsAllEntriesOf(map(at(deployment.body(), "spec", "selector", "matchLabels"), deployment.where()));
			Resource service = named(resources, "Service", application);
			assertThat(map(at(service.body(), "spec", "selector"), service.where())).as(service.where() + " selects the pods")
				.containsEntry("app.kubernetes.io/name", application);
			Resource budget = named(resources, "PodDisruptionBudget", application);
			assertThat(budget.apiVersion()).isEqualTo("policy/v1");
			assertThat(at(budget.body(), "spec", "selector", "matchLabels", "app.kubernetes.io/name")).isEqualTo(application);
			Resource autoscaler = named(resources, "HorizontalPodAutoscaler", application);
			assertThat(autoscaler.apiVersion()).as(autoscaler.where()).isEqualTo("autoscaling/v2");
			assertThat(at(autoscaler.body(), "spec", "scaleTargetRef", "name")).isEqualTo(application);
			assertThat(((Number) at(autoscaler.body(), "spec", "minReplicas")).intValue())
				.as(autoscaler.where() + ": at least two replicas, so that a disruption leaves one serving")
				.isGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void onlyTheGatewayAndPrometheusReachTheServices() {
		List<Resource> policies = Manifests.ofKind(Manifests.baseResources(), "NetworkPolicy");
		for (String service : List.of("content-service", "assessment-service", "booking-service")) {
			List<Resource> selecting = policies.stream()
				.filter((policy) -> service.equals(at(policy.body(), "spec", "podSelector", "matchLabels", "app.kubernetes.io/name")))
				.toList();
			assertThat(selecting).as("a NetworkPolicy selects " + service).isNotEmpty();
			Set<String> peers = new TreeSet<>();
			for (Resource policy : selecting) {
				assertThat(list(at(policy.body(), "spec", "policyTypes"), policy.where())).contains("Ingress", "Egress");
				for (Object rule : list(at(policy.body(), "spec", "ingress"), policy.where())) {
					List<Object> from = list(at(rule, "from"), policy.where());
					assertThat(from).as(policy.where() + ": an ingress rule without 'from' admits everyone").isNotEmpty();
					for (Object peer : from) {
						peers.add(String.valueOf(peer));
					}
				}
			}
			assertThat(peers).as("who may reach " + service)
				.containsExactlyInAnyOrder("{podSelector={matchLabels={app.kubernetes.io/name=gateway}}}",
						"{namespaceSelector={matchLabels={kubernetes.io/metadata.name=monitoring}}}");
		}
	}

	/**
	 * Pods that ask Prometheus to scrape them ({@code prometheus.io/scrape}) expose the endpoint they name,
	 * on the port they name: otherwise every scrape fails.
	 */
	@Test
	void scrapedApplicationsExposeTheirMetrics() {
		for (String application : APPLICATIONS) {
			Resource deployment = deployment(Manifests.baseResources(), application);
			Object annotations = at(deployment.body(), "spec", "template", "metadata", "annotations");
			if (!"true".equals(string(at(annotations, "prometheus.io/scrape")))) {
				continue;
			}
			String path = string(at(annotations, "prometheus.io/path"));
			assertThat(path).as(deployment.where() + ": prometheus.io/path").startsWith("/actuator/");
			assertThat(ApplicationConfiguration.of(application).exposedEndpoints())
				.as(deployment.where() + " is scraped at " + path + ": " + application
						+ " must expose that actuator endpoint (management.endpoints.web.exposure.include)")
				.contains(path.substring("/actuator/".length()));
			Object port = Manifests.containers(deployment).get(0).get("ports");
			assertThat(String.valueOf(port)).as(deployment.where() + ": prometheus.io/port is the container's port")
				.contains("containerPort=" + at(annotations, "prometheus.io/port"));
		}
	}

	@Test
	void secretsAreWrittenByAnOperatorOrCreatedAsDocumented() {
		Set<String> documented = new TreeSet<>();
		for (Object document : Repository.documents(Repository.path(Manifests.K8S + "/secrets.example.yaml"))) {
			String name = string(at(document, "metadata", "name"));
			assertThat(at(document, "kind")).isEqualTo("Secret");
			map(at(document, "stringData"), name).forEach((key, value) -> {
				assertThat(String.valueOf(value)).as("secrets.example.yaml %s/%s holds no real value", name, key)
					.startsWith("REPLACE_ME");
				documented.add(name + "/" + key);
			});
		}
		List<String> problems = new ArrayList<>();
		List<Resource> resources = Manifests.baseResources();
		for (Resource workload : Manifests.workloads(resources)) {
			for (Map<String, Object> container : Manifests.containers(workload)) {
				for (Object variable : list(container.get("env"), workload.where())) {
					Object reference = at(variable, "valueFrom", "secretKeyRef");
					if (reference != null) {
						check(workload.where(), string(at(reference, "name")), string(at(reference, "key")), documented,
								problems);
					}
				}
			}
		}
		for (Resource resource : resources) {
			collectSecretReferences(resource, resource.body(), documented, problems);
		}
		assertThat(problems).as("Secrets nobody creates").isEmpty();
	}

	/** Operator resources name secrets as {secret: {name, key}} (Keycloak) or {name, key} under *Secret. */
	private static void collectSecretReferences(Resource resource, Object value, Set<String> documented,
			List<String> problems) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, nested) -> {
				String name = String.valueOf(key);
				if ((name.equals("secret") || name.endsWith("Secret")) && nested instanceof Map<?, ?> reference
						&& reference.get("name") != null && reference.get("key") != null
						&& !"Deployment".equals(resource.kind()) && !"StatefulSet".equals(resource.kind())) {
					check(resource.where(), string(reference.get("name")), string(reference.get("key")), documented,
							problems);
				}
				collectSecretReferences(resource, nested, documented, problems);
			});
		}
		else if (value instanceof List<?> list) {
			list.forEach((nested) -> collectSecretReferences(resource, nested, documented, problems));
		}
	}

	private static void check(String where, String name, String key, Set<String> documented, List<String> problems) {
		boolean operator = name.matches(OPERATOR_SECRET) && OPERATOR_SECRET_KEYS.contains(key);
		if (!operator && !documented.contains(name + "/" + key)) {
			problems.add(where + " reads Secret " + name + " key " + key
					+ ", which no operator writes and deploy/k8s/secrets.example.yaml does not describe");
		}
	}

	private static Resource named(List<Resource> resources, String kind, String name) {
		return Manifests.ofKind(resources, kind)
			.stream()
			.filter((resource) -> name.equals(resource.name()))
			.findFirst()
			.orElseThrow(() -> new AssertionError(Manifests.BASE + " has no " + kind + " " + name));
	}

}
