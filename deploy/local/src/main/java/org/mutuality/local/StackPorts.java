package org.mutuality.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports of the dev stack: the documented ones, each shifted by the same offset.
 *
 * @param gateway the gateway (8080)
 * @param content content-service (8081)
 * @param assessment assessment-service (8082)
 * @param booking booking-service (8083)
 * @param keycloak Keycloak (8180)
 * @param kafka the Kafka broker's client port (9092)
 * @param kafkaController the Kafka controller (9093)
 * @param postgres PostgreSQL (15432)
 * @param smtp the dev mailbox's SMTP server (3025)
 * @param mailbox the dev mailbox's web page (8025)
 */
record StackPorts(int gateway, int content, int assessment, int booking, int keycloak, int kafka, int kafkaController,
		int postgres, int smtp, int mailbox) {

	static StackPorts shiftedBy(int offset) {
		return new StackPorts(8080 + offset, 8081 + offset, 8082 + offset, 8083 + offset, 8180 + offset,
				9092 + offset, 9093 + offset, 15432 + offset, 3025 + offset, 8025 + offset);
	}

	/** Each port with the part of the stack that needs it. */
	Map<Integer, String> owners() {
		Map<Integer, String> owners = new LinkedHashMap<>();
		owners.put(this.postgres, "PostgreSQL");
		owners.put(this.smtp, "the dev mailbox's SMTP server");
		owners.put(this.mailbox, "the dev mailbox's page");
		owners.put(this.kafka, "the Kafka broker");
		owners.put(this.kafkaController, "the Kafka controller");
		owners.put(this.keycloak, "Keycloak");
		owners.put(this.content, "content-service");
		owners.put(this.assessment, "assessment-service");
		owners.put(this.booking, "booking-service");
		owners.put(this.gateway, "the gateway");
		return owners;
	}

}
