package org.mutuality.assessment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The assessment-service application: the catalogue of self-assessments, scored submissions, and
 * the outbox that announces each completed one on Kafka.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AssessmentServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(AssessmentServiceApplication.class, args);
	}

}
