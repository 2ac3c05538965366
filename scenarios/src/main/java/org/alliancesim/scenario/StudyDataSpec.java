package org.alliancesim.scenario;

import java.util.List;
import org.alliancesim.model.Bounds;
import org.alliancesim.model.Doc;
import org.alliancesim.model.ParameterException;

/**
 * A study's {@code study-data.yaml} (docs/fitting-your-data.md): what the study measured, so that the
 * model's virtual study of it is measured the same way. The families and scores themselves are the
 * folder's {@code families.csv} and {@code measures.csv}; this file holds no family's data.
 *
 * @param softaForm which SOFTA form's ratings measures.csv holds: {@code observer} (SOFTA-o
 *     consensus ratings) or {@code none} (no alliance ratings)
 * @param softaSessions the sessions whose recordings were rated with the SOFTA-o, each from 1
 * @param earlySession the rated session whose ratings are the early alliance
 * @param softaReliability reliability (ICC of one rating) of the SOFTA-o ratings, every dimension
 * @param outcomeInstrument the outcome questionnaire's name (for the reader; the model's outcome
 *     stands for it)
 * @param outcomeReliability reliability r_xx of the outcome score
 * @param outcomeMin lowest score the outcome instrument can give
 * @param outcomeMax highest score the outcome instrument can give
 * @param followUpWeeks weeks after the end of the course of a follow-up outcome, 0 for none
 * @param dropoutDefinition the definition of dropout the records use, in words (required)
 * @param therapistEffects whether the therapists' share of dropout is among the summaries; then every
 *     therapist must have at least two families in families.csv
 * @param seed master seed of the model's virtual studies of this study
 */
public record StudyDataSpec(
        @Doc("which SOFTA form's ratings measures.csv holds: observer (SOFTA-o consensus ratings) or none (default observer)") String softaForm,
        @Doc("sessions whose recordings were rated with the SOFTA-o, each from 1 (default [1])") List<Integer> softaSessions,
        @Doc(value = "the rated session whose ratings are the early alliance (default 1)", min = 1, max = 200) int earlySession,
        @Doc(value = "reliability (ICC of one rating) of the SOFTA-o ratings (default .80)", min = 0, exclusiveMin = true, max = 1) double softaReliability,
        @Doc("the outcome questionnaire's name, for the reader (default outcome)") String outcomeInstrument,
        @Doc(value = "reliability r_xx of the outcome score (default .85)", min = 0, exclusiveMin = true, max = 1) double outcomeReliability,
        @Doc(value = "lowest score the outcome instrument can give (default 0)", min = -1000, max = 1000) double outcomeMin,
        @Doc(value = "highest score the outcome instrument can give (default 6)", min = -1000, max = 1000) double outcomeMax,
        @Doc(value = "weeks after the course of a follow-up outcome, 0 for none (default 0)", min = 0, max = 520) int followUpWeeks,
        @Doc("the definition of dropout the records use, in words (required)") String dropoutDefinition,
        @Doc("whether the therapists' share of dropout is a summary; every therapist then needs two families or more (default true)") boolean therapistEffects,
        @Doc("master seed of the model's virtual studies of this study (default 20261125)") long seed) {

    /** The SOFTA forms a study may have used. */
    public static final List<String> FORMS = List.of("observer", "none");

    /** Validates the bounds, the form and the sessions. */
    public StudyDataSpec {
        Bounds.checkAll(StudyDataSpec.class, softaForm, softaSessions, earlySession, softaReliability,
                outcomeInstrument, outcomeReliability, outcomeMin, outcomeMax, followUpWeeks, dropoutDefinition,
                therapistEffects, seed);
        softaSessions = List.copyOf(softaSessions);
        if (!FORMS.contains(softaForm)) {
            throw new ParameterException("softa_form", softaForm, "one of " + String.join(", ", FORMS));
        }
        for (int s : softaSessions) {
            if (s < 1 || s > 200) {
                throw new ParameterException("softa_sessions", String.valueOf(s), "sessions from 1 to 200");
            }
        }
        if (softaForm.equals("observer") && !softaSessions.contains(earlySession)) {
            throw new ParameterException("early_session", String.valueOf(earlySession), "one of softa_sessions "
                    + softaSessions);
        }
        if (!(outcomeMin < outcomeMax)) {
            throw new ParameterException("outcome_min", String.valueOf(outcomeMin), "below outcome_max ("
                    + outcomeMax + ")");
        }
        if (dropoutDefinition == null || dropoutDefinition.isBlank()) {
            throw new ParameterException("dropout_definition", String.valueOf(dropoutDefinition),
                    "the definition of dropout the records use, in words");
        }
    }

    /** Whether the study rated the alliance with the SOFTA-o. */
    public boolean observer() {
        return softaForm.equals("observer");
    }
}
