/**
 * The dev stack launcher behind {@code ./mutuality up}: embedded PostgreSQL, the in-JVM Kafka broker, Keycloak from
 * its distribution, the three services and the gateway, each application in its own JVM.
 */
package org.mutuality.local;
