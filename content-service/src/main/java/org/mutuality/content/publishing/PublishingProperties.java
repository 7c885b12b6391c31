package org.mutuality.content.publishing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduled publishing: how often due articles are looked for, and for how long one instance may hold the job's
 * lock at most (should it die holding it).
 *
 * @param interval the pause between two runs of the job
 * @param lockAtMostFor the longest a run may keep the lock
 */
@ConfigurationProperties("mutuality.content.publishing")
record PublishingProperties(@DefaultValue("5s") Duration interval, @DefaultValue("1m") Duration lockAtMostFor) {

}
