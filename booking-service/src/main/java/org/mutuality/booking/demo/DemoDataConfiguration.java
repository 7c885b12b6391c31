package org.mutuality.booking.demo;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Loads the demo data at start-up when {@code mutuality.demo-data} is {@code true} (the dev stack sets
 * {@code MUTUALITY_DEMO_DATA=true}); never otherwise.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mutuality.demo-data")
class DemoDataConfiguration {

	private static final Log log = LogFactory.getLog(DemoDataConfiguration.class);

	@Bean
	ApplicationRunner demoTherapistsRunner(DemoTherapists demoTherapists) {
		return (arguments) -> {
			try {
				demoTherapists.createIfEmpty();
			}
			catch (DataIntegrityViolationException ex) {
				// another instance created them at the same moment
				log.info("The demo therapists were created by another instance");
			}
		};
	}

}
