package org.mutuality.deploy.checks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.mutuality.deploy.checks.Repository.at;
import static org.mutuality.deploy.checks.Repository.list;
import static org.mutuality.deploy.checks.Repository.string;

/**
 * The YAML under deploy/compose and deploy/k8s parses, every Kubernetes object names its API version,
 * kind and name, the kustomizations reference only files that exist, and every manifest is reached from a
 * kustomization (a file nobody lists is never applied).
 */
class ManifestFilesTests {

	@Test
	void everyYamlFileParses() {
		List<Path> files = new ArrayList<>(Repository.yamlFiles("deploy/compose"));
		files.addAll(Repository.yamlFiles(Manifests.K8S));
		assertThat(files).as("YAML files under deploy/compose and deploy/k8s").hasSizeGreaterThan(10);
		List<String> problems = new ArrayList<>();
		for (Path file : files) {
			List<Object> documents;
			try {
				documents = Repository.documents(file);
			}
			catch (RuntimeException ex) {
				problems.add(Repository.relative(file) + " does not parse: " + ex.getMessage());
				continue;
			}
			if (documents.isEmpty()) {
				problems.add(Repository.relative(file) + " is empty");
			}
			if (!file.startsWith(Repository.path(Manifests.K8S)) || Manifests.isKustomization(file)) {
				continue;
			}
			for (Object document : documents) {
				if (!(document instanceof Map) || at(document, "apiVersion") == null || at(document, "kind") == null
						|| (at(document, "metadata", "name") == null && !isPatch(file))) {
					problems.add(Repository.relative(file) + ": a document without apiVersion, kind and metadata.name");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void kustomizationsReferenceOnlyFilesThatExist() {
		List<String> problems = new ArrayList<>();
		for (Path kustomization : Manifests.kustomizations()) {
			problems.addAll(missingReferences(kustomization));
		}
		assertThat(problems).isEmpty();
	}

	static List<String> missingReferences(Path kustomization) {
		List<String> problems = new ArrayList<>();
		for (String reference : references(kustomization)) {
			Path target = kustomization.getParent().resolve(reference).normalize();
			boolean exists = Files.isRegularFile(target)
					|| (Files.isDirectory(target) && Files.isRegularFile(target.resolve("kustomization.yaml")));
			if (!exists) {
				problems.add(Repository.relative(kustomization) + " references " + reference + ", which does not exist");
			}
		}
		return problems;
	}

	@Test
	void everyManifestIsReachedFromAKustomization() {
		Set<Path> referenced = new HashSet<>();
		for (Path kustomization : Manifests.kustomizations()) {
			references(kustomization).forEach((reference) -> referenced.add(kustomization.getParent().resolve(reference).normalize()));
		}
		List<String> unreached = Repository.yamlFiles(Manifests.K8S)
			.stream()
			.filter((file) -> !Manifests.isKustomization(file))
			.filter((file) -> !file.getFileName().toString().endsWith(".example.yaml"))
			.filter((file) -> !referenced.contains(file.normalize()))
			.map(Repository::relative)
			.toList();
		assertThat(unreached).as("manifests no kustomization lists (they would never be applied)").isEmpty();
	}

	@Test
	void detectsAReferenceToAMissingFile() throws IOException {
		Path directory = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "kustomization");
		Path kustomization = directory.resolve("kustomization.yaml");
		Files.writeString(directory.resolve("here.yaml"), "kind: ConfigMap\n");
		Files.writeString(kustomization, """
				resources:
				  - here.yaml
				  - gone.yaml
				patches:
				  - path: also-gone.yaml
				  - target: {kind: Deployment}
				    patch: "[]"
				configMapGenerator:
				  - name: settings
				    envs: [settings.env]
				""");
		assertThat(missingReferences(kustomization)).hasSize(3)
			.anyMatch((problem) -> problem.endsWith("references gone.yaml, which does not exist"))
			.anyMatch((problem) -> problem.contains("also-gone.yaml"))
			.anyMatch((problem) -> problem.contains("settings.env"));
	}

	/**
	 * When kubectl is installed (it is not needed for the build), {@code kubectl kustomize} renders the base
	 * and the production overlay: the patches apply and the generators work.
	 */
	@Test
	void kustomizeBuildsTheBaseAndTheProductionOverlayWhenKubectlIsInstalled() throws Exception {
		Assumptions.assumeTrue(onPath("kubectl"),
				"kubectl is not installed: the kustomizations were checked file by file only, not rendered");
		for (String directory : List.of(Manifests.BASE, Manifests.PRODUCTION)) {
			Process process = new ProcessBuilder("kubectl", "kustomize", Repository.path(directory).toString())
				.redirectErrorStream(true)
				.start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				fail("kubectl kustomize " + directory + " did not finish within 60 s");
			}
			assertThat(process.exitValue()).as("kubectl kustomize " + directory + ":\n"
					+ new String(output, StandardCharsets.UTF_8)).isZero();
		}
	}

	/** The files a kustomization names: resources, components, patches and generator inputs. */
	static List<String> references(Path kustomization) {
		Map<String, Object> document = Repository.document(kustomization);
		String where = Repository.relative(kustomization);
		List<String> references = new ArrayList<>();
		for (String key : List.of("resources", "components", "patchesStrategicMerge")) {
			list(document.get(key), where).forEach((entry) -> references.add(string(entry)));
		}
		for (String key : List.of("patches", "patchesJson6902")) {
			for (Object patch : list(document.get(key), where)) {
				if (at(patch, "path") != null) {
					references.add(string(at(patch, "path")));
				}
			}
		}
		for (String key : List.of("configMapGenerator", "secretGenerator")) {
			for (Object generator : list(document.get(key), where)) {
				list(at(generator, "envs"), where).forEach((entry) -> references.add(string(entry)));
				for (Object file : list(at(generator, "files"), where)) {
					String value = string(file);
					references.add(value.contains("=") ? value.substring(value.indexOf('=') + 1) : value);
				}
			}
		}
		return references;
	}

	private static boolean isPatch(Path file) {
		return file.startsWith(Repository.path(Manifests.K8S + "/overlays"));
	}

	private static boolean onPath(String command) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String directory : path.split(java.io.File.pathSeparator)) {
			if (Files.isExecutable(Path.of(directory, command))) {
				return true;
			}
		}
		return false;
	}

}
