package org.mutuality.deploy.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.mutuality.deploy.checks.Manifests.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mutuality.deploy.checks.Repository.APPLICATIONS;
import static org.mutuality.deploy.checks.Repository.at;
import static org.mutuality.deploy.checks.Repository.list;
import static org.mutuality.deploy.checks.Repository.string;

/**
 * Every image the deployments run is pinned to a version: the compose file's, the Kubernetes workloads'
 * and operator clusters', the production overlay's replacements and the Dockerfiles' base images. No
 * {@code latest}, no bare name (which means latest).
 */
class ImagesTests {

	/** Pinned: a digest, or a tag that is not "latest". */
	static boolean pinned(String image) {
		if (image == null || image.isBlank()) {
			return false;
		}
		if (image.contains("@sha256:")) {
			return true;
		}
		String last = image.substring(image.lastIndexOf('/') + 1);
		int colon = last.indexOf(':');
		return colon > 0 && colon < last.length() - 1 && !last.substring(colon + 1).equals("latest");
	}

	@Test
	void recognisesUnpinnedImages() {
		assertThat(pinned("postgres:18")).isTrue();
		assertThat(pinned("quay.io/keycloak/keycloak:26.7.3")).isTrue();
		assertThat(pinned("registry.example:5000/mutuality/gateway@sha256:0123")).isTrue();
		assertThat(pinned("postgres")).isFalse();
		assertThat(pinned("postgres:latest")).isFalse();
		assertThat(pinned("registry.example:5000/mutuality/gateway")).isFalse();
	}

	@Test
	void kubernetesImagesArePinned() {
		List<String> problems = new ArrayList<>();
		List<Resource> resources = Manifests.baseResources();
		for (Resource workload : Manifests.workloads(resources)) {
			for (Map<String, Object> container : Manifests.containers(workload)) {
				String image = string(container.get("image"));
				if (!pinned(image)) {
					problems.add(workload.where() + ": container " + container.get("name") + " runs " + image);
				}
			}
		}
		for (Resource cluster : Manifests.ofKind(resources, "Cluster")) {
			String image = string(at(cluster.body(), "spec", "imageName"));
			if (image != null && !pinned(image)) {
				problems.add(cluster.where() + ": imageName " + image);
			}
		}
		for (String overlay : List.of(Manifests.BASE, Manifests.PRODUCTION)) {
			for (Object image : list(Manifests.kustomization(overlay).get("images"), overlay)) {
				String tag = string(at(image, "newTag"));
				if (at(image, "digest") == null && (tag == null || tag.equals("latest"))) {
					problems.add(overlay + "/kustomization.yaml: image " + at(image, "name") + " gets tag " + tag);
				}
			}
		}
		assertThat(problems).as("images without a pinned tag").isEmpty();
	}

	@Test
	void dockerfileBaseImagesArePinned() {
		for (String application : APPLICATIONS) {
			for (String line : Repository.read(Repository.path(application + "/Dockerfile")).split("\n")) {
				if (line.startsWith("FROM ")) {
					String image = line.split("\\s+")[1];
					assertThat(pinned(image)).as(application + "/Dockerfile: " + line).isTrue();
				}
			}
		}
	}

}
