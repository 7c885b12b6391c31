/**
 * The public catalogue of assessments: the current version of each shipped instrument, as people take it.
 */
package org.mutuality.assessment.catalog;
