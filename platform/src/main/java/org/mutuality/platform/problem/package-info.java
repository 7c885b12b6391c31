/**
 * The error contract of Mutuality's APIs: RFC 9457 problem details and the domain exceptions that
 * services throw to answer with one.
 */
package org.mutuality.platform.problem;
