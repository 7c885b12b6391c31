package org.mutuality.content.publishing;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduling with ShedLock locks kept in the {@code shedlock} table, timed by the database's clock so that the
 * instances' clocks need not agree. {@code mutuality.content.publishing.enabled=false} turns the job off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "mutuality.content.publishing.enabled", matchIfMissing = true)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "1m")
@EnableConfigurationProperties(PublishingProperties.class)
class PublishingConfiguration {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

	@Bean
	ScheduledPublishing scheduledPublishing(DueArticles dueArticles) {
		return new ScheduledPublishing(dueArticles);
	}

}
