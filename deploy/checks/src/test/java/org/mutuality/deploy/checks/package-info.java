/** Checks of the deployment descriptors (compose, Kubernetes, Dockerfiles) that run without a cluster. */
package org.mutuality.deploy.checks;
