/**
 * The questionnaires the service offers, kept as versioned JSON data on the classpath, checked
 * when they are loaded, and served by version from an {@link InstrumentRegistry}.
 */
package org.mutuality.assessment.instruments;
