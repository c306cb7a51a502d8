package org.uncac.recommendations.adoption;

/** The vocabulary of recommendations and mandates: whom they address, where their follow-up stands, their themes. */
public final class RecommendationModel {

    private RecommendationModel() {
    }

    /** Whom a recommendation or mandate addresses: States parties, the secretariat, the expert meeting, the Conference. */
    public enum Addressee { STATES_PARTIES, SECRETARIAT, EXPERT_MEETING, CONFERENCE }

    public enum Status { ADOPTED, IN_PROGRESS, ONGOING, IMPLEMENTED, SUPERSEDED }

    /** The themes of seed 003 §9. */
    public enum Theme { CUMULATIVE_KNOWLEDGE, CONFIDENCE_AND_TRUST, TECHNICAL_ASSISTANCE }
}
