package org.mutuality.deploy.checks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.mutuality.deploy.checks.Repository.at;
import static org.mutuality.deploy.checks.Repository.list;
import static org.mutuality.deploy.checks.Repository.listAt;
import static org.mutuality.deploy.checks.Repository.map;
import static org.mutuality.deploy.checks.Repository.string;

/**
 * The Kubernetes manifests under {@code deploy/k8s}: the kustomizations, the resources they list (with the
 * file each came from), and the ConfigMaps that their generators make.
 */
final class Manifests {

	static final String K8S = "deploy/k8s";

	static final String BASE = K8S + "/base";

	static final String PRODUCTION = K8S + "/overlays/production";

	private Manifests() {
	}

	/** One Kubernetes object and the file it was read from. */
	record Resource(Path file, Map<String, Object> body) {

		String kind() {
			return string(this.body.get("kind"));
		}

		String apiVersion() {
			return string(this.body.get("apiVersion"));
		}

		String name() {
			return string(at(this.body, "metadata", "name"));
		}

		String where() {
			return Repository.relative(this.file) + ": " + kind() + " " + name();
		}

	}

	/** Every kustomization.yaml under deploy/k8s. */
	static List<Path> kustomizations() {
		return Repository.yamlFiles(K8S).stream().filter((file) -> isKustomization(file)).toList();
	}

	static boolean isKustomization(Path file) {
		return file.getFileName().toString().equals("kustomization.yaml");
	}

	static Map<String, Object> kustomization(String directory) {
		return Repository.document(Repository.path(directory + "/kustomization.yaml"));
	}

	/** The objects of every file the base kustomization lists under {@code resources}. */
	static List<Resource> baseResources() {
		return resources(BASE);
	}

	static List<Resource> resources(String directory) {
		List<Resource> resources = new ArrayList<>();
		Path base = Repository.path(directory);
		for (Object entry : listAt(kustomization(directory), "resources")) {
			Path path = base.resolve(string(entry)).normalize();
			if (Files.isDirectory(path)) {
				resources.addAll(resources(Repository.relative(path)));
				continue;
			}
			for (Object document : Repository.documents(path)) {
				resources.add(new Resource(path, map(document, Repository.relative(path))));
			}
		}
		return resources;
	}

	static List<Resource> ofKind(List<Resource> resources, String kind) {
		return resources.stream().filter((resource) -> kind.equals(resource.kind())).toList();
	}

	/** Workloads: Deployments and StatefulSets. */
	static List<Resource> workloads(List<Resource> resources) {
		return resources.stream()
			.filter((resource) -> "Deployment".equals(resource.kind()) || "StatefulSet".equals(resource.kind()))
			.toList();
	}

	/** The containers (and init containers) of a workload's pod template. */
	static List<Map<String, Object>> containers(Resource workload) {
		List<Map<String, Object>> containers = new ArrayList<>();
		for (String key : List.of("initContainers", "containers")) {
			for (Object container : list(at(workload.body(), "spec", "template", "spec", key), workload.where())) {
				containers.add(map(container, workload.where()));
			}
		}
		return containers;
	}

	/**
	 * The keys of each ConfigMap a kustomization's {@code configMapGenerator} makes ({@code literals} and
	 * {@code envs} files), by generator name.
	 */
	static Map<String, List<String>> generatedConfigMapKeys(String directory) {
		Map<String, List<String>> keys = new LinkedHashMap<>();
		generatedConfigMaps(directory).forEach((name, values) -> keys.put(name, new ArrayList<>(values.keySet())));
		return keys;
	}

	/** The entries of each ConfigMap a kustomization's {@code configMapGenerator} makes, by generator name. */
	static Map<String, Map<String, String>> generatedConfigMaps(String directory) {
		Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
		Path base = Repository.path(directory);
		for (Object generator : listAt(kustomization(directory), "configMapGenerator")) {
			String name = string(at(generator, "name"));
			Map<String, String> entries = configMaps.computeIfAbsent(name, (ignored) -> new LinkedHashMap<>());
			List<String> lines = new ArrayList<>();
			for (Object literal : list(at(generator, "literals"), name)) {
				lines.add(string(literal));
			}
			for (Object envs : list(at(generator, "envs"), name)) {
				lines.addAll(List.of(Repository.read(base.resolve(string(envs))).split("\n")));
			}
			for (String line : lines) {
				String trimmed = line.strip();
				if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
					String[] entry = trimmed.split("=", 2);
					entries.put(entry[0], (entry.length > 1) ? entry[1] : "");
				}
			}
		}
		return configMaps;
	}

	/** The keys of the ConfigMaps listed as resources (not generated). */
	static Map<String, List<String>> configMapKeys(List<Resource> resources) {
		Map<String, List<String>> keys = new LinkedHashMap<>();
		for (Resource configMap : ofKind(resources, "ConfigMap")) {
			keys.put(configMap.name(), new ArrayList<>(map(configMap.body().get("data"), configMap.where()).keySet()));
		}
		return keys;
	}

}
