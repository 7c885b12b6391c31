package org.mutuality.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A state directory remembers the gateway address its Keycloak realm was imported with, and a start that would put
 * the gateway elsewhere is refused before anything starts.
 */
class StateDirectoryTests {

	@TempDir
	Path root;

	@Test
	void remembersTheGatewayItsRealmWasImportedWithUntilReset() throws IOException {
		StateDirectory state = new StateDirectory(this.root);
		assertThat(state.recordedGatewayUrl()).isEmpty();

		state.recordGatewayUrl("http://localhost:9080");
		assertThat(new StateDirectory(this.root).recordedGatewayUrl()).contains("http://localhost:9080");

		state.reset();
		assertThat(state.recordedGatewayUrl()).isEmpty();
	}

	@Test
	void refusesToPutTheGatewayOfAnExistingStackElsewhere() throws IOException {
		StateDirectory state = withData("http://localhost:9080");

		assertThat(DevStack.gatewayMoved(state, false, "http://localhost:8080")).hasValueSatisfying((message) -> {
			assertThat(message).contains("http://localhost:9080", "http://localhost:8080", "--port-offset 1000",
					"--reset");
		});
		assertThat(DevStack.gatewayMoved(withData("http://localhost:8080"), false, "http://localhost:9080"))
			.hasValueSatisfying((message) -> assertThat(message).contains("no --port-offset"));
	}

	@Test
	void startsWhereTheGatewayWasOrAfreshOrWhenNothingWasRecorded() throws IOException {
		StateDirectory state = withData("http://localhost:9080");
		assertThat(DevStack.gatewayMoved(state, false, "http://localhost:9080")).isEmpty();
		assertThat(DevStack.gatewayMoved(state, true, "http://localhost:8080")).isEmpty();

		StateDirectory fresh = new StateDirectory(this.root.resolve("fresh"));
		Files.createDirectories(fresh.root());
		fresh.recordGatewayUrl("http://localhost:9080");
		assertThat(DevStack.gatewayMoved(fresh, false, "http://localhost:8080")).as("no data yet").isEmpty();

		// a directory from before the address was recorded: nothing to compare with
		StateDirectory older = new StateDirectory(this.root.resolve("older"));
		Files.createDirectories(older.postgres());
		assertThat(DevStack.gatewayMoved(older, false, "http://localhost:8080")).isEmpty();
	}

	private StateDirectory withData(String gatewayUrl) throws IOException {
		Path directory = Files.createTempDirectory(this.root, "state");
		StateDirectory state = new StateDirectory(directory);
		Files.createDirectories(state.postgres());
		state.recordGatewayUrl(gatewayUrl);
		return state;
	}

}
