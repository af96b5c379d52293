package org.nanoguide.check.messages;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.nanoguide.facts.Carrier;
import org.nanoguide.facts.Caution;
import org.nanoguide.facts.Drawback;
import org.nanoguide.facts.DrugClass;
import org.nanoguide.facts.EvidenceLevel;
import org.nanoguide.facts.Exclusion;
import org.nanoguide.facts.Finding;
import org.nanoguide.facts.LabelGap;
import org.nanoguide.facts.LabelUnknown;
import org.nanoguide.facts.Measure;
import org.nanoguide.facts.Modality;
import org.nanoguide.facts.Option;
import org.nanoguide.facts.PlannedDrug;
import org.nanoguide.facts.Product;
import org.nanoguide.facts.ProductEvidence;
import org.nanoguide.facts.ProductMatch;
import org.nanoguide.facts.ProductStatus;
import org.nanoguide.facts.Receptor;
import org.nanoguide.facts.Recommendation;
import org.nanoguide.facts.Regimen;
import org.nanoguide.facts.Targeted;
import org.nanoguide.facts.Targeting;
import org.nanoguide.facts.Threshold;
import org.nanoguide.facts.Warning;
import org.nanoguide.facts.WarningCode;
import org.nanoguide.model.Constraints;
import org.nanoguide.model.EvidenceAccepted;
import org.nanoguide.model.Goals;
import org.nanoguide.model.KnownDrug;
import org.nanoguide.model.Leakiness;
import org.nanoguide.model.MdrMechanism;
import org.nanoguide.model.MultidrugResistance;
import org.nanoguide.model.Patient;
import org.nanoguide.model.Pressure;
import org.nanoguide.model.ReceptorName;
import org.nanoguide.model.ReceptorStatus;
import org.nanoguide.model.Resources;
import org.nanoguide.model.Therapy;
import org.nanoguide.model.Tumor;
import org.nanoguide.model.TumorSubtype;
import org.nanoguide.model.TumorType;

/**
 * What a rule author can name: the fact types and the vocabularies (enums). The one list; the
 * lint's patterns and the compile messages' lists of valid names derive from it, so a new fact
 * type or vocabulary is added here once.
 */
public final class RuleVocabulary {
    /**
     * The fact types a rule can match or insert, in the order docs/authoring.md explains them.
     * Written out rather than found on the class path, because that order is what {@code check}
     * shows an author; {@code RuleVocabularyTest} fails when the rules name a record missing here.
     */
    public static final List<Class<? extends Record>> FACT_TYPES = List.of(Patient.class, Tumor.class, Receptor.class,
            MultidrugResistance.class, PlannedDrug.class, Therapy.class, Goals.class, Resources.class, Constraints.class,
            Recommendation.class, Exclusion.class, Caution.class, Drawback.class, Targeted.class, Warning.class,
            Finding.class, Threshold.class, Option.class, DrugClass.class, Regimen.class, Measure.class, Product.class,
            ProductMatch.class, LabelGap.class, LabelUnknown.class, ProductEvidence.class);

    /** A vocabulary, and what one of its values is called in a message ("carrier", "warning code"). */
    public record Vocabulary(Class<? extends Enum<?>> type, String noun) {
        public String name() { return type.getSimpleName(); }

        public List<String> names() {
            return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        }
    }

    /** The vocabularies rules name as {@code Type.VALUE}. */
    public static final List<Vocabulary> VOCABULARIES = List.of(
            new Vocabulary(Carrier.class, "carrier"),
            new Vocabulary(Modality.class, "modality"),
            new Vocabulary(Targeting.class, "targeting"),
            new Vocabulary(WarningCode.class, "warning code"),
            new Vocabulary(EvidenceLevel.class, "evidence level"),
            new Vocabulary(ReceptorName.class, "receptor"),
            new Vocabulary(ReceptorStatus.class, "receptor status"),
            new Vocabulary(TumorType.class, "tumor type"),
            new Vocabulary(Leakiness.class, "vascular leakiness"),
            new Vocabulary(Pressure.class, "interstitial pressure"),
            new Vocabulary(MdrMechanism.class, "multidrug-resistance mechanism"),
            new Vocabulary(EvidenceAccepted.class, "accepted evidence"),
            new Vocabulary(KnownDrug.class, "drug"),
            new Vocabulary(TumorSubtype.class, "tumor subtype"),
            new Vocabulary(ProductStatus.class, "product status"));

    private RuleVocabulary() { }

    /** The simple names of the fact types, in order. */
    public static List<String> factTypeNames() {
        return FACT_TYPES.stream().map(Class::getSimpleName).toList();
    }

    /** The vocabulary with this simple name. */
    public static Optional<Vocabulary> vocabulary(String simpleName) {
        return VOCABULARIES.stream().filter(v -> v.name().equals(simpleName)).findFirst();
    }

    /** A fact type or vocabulary by its simple or qualified name. */
    public static Optional<Class<?>> type(String name) {
        return Stream.concat(FACT_TYPES.stream(), VOCABULARIES.stream().map(Vocabulary::type))
                .<Class<?>>map(c -> c).filter(c -> c.getName().equals(name) || c.getSimpleName().equals(name)).findFirst();
    }
}
