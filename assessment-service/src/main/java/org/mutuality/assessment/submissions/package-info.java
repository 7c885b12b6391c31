/**
 * Submissions of assessments: validated, scored under the instrument's current version, stored with
 * that version, announced with the {@code assessment.completed.v1} event, and read back by their owner
 * or by the practice.
 */
package org.mutuality.assessment.submissions;
