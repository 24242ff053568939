import StromaDomain
import StromaKnowledge
import Testing

/// The bundled vocabularies: every kind present, terms resolvable by the seeds' Chinese names and
/// common abbreviations, hierarchies and cross-kind links in place.
@Suite struct BundledVocabularyTests {
    let base: KnowledgeBase

    init() throws {
        base = try KnowledgeBase.loadBundled()
    }

    /// The ids of terms of `kind` one of whose names equals `name` (case-insensitive).
    func resolve(_ kind: VocabularyKind, _ name: String) -> Set<String> {
        let wanted = name.lowercased()
        return Set(
            base.vocabulary.filter { term in
                term.kind == kind && term.names.contains { $0.lowercased() == wanted }
            }.map(\.id))
    }

    @Test("the bundled knowledge base validates with no problems")
    func validates() {
        let problems = base.validate()
        #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
    }

    @Test("every vocabulary kind has terms", arguments: VocabularyKind.allCases)
    func everyKindHasTerms(kind: VocabularyKind) {
        #expect(base.vocabulary.contains { $0.kind == kind })
    }

    @Test(
        "seed synonyms and abbreviations resolve to exactly one term",
        arguments: [
            (VocabularyKind.condition, "脑卒中", "ischemic-stroke"),
            (.condition, "缺血性脑卒中", "ischemic-stroke"),
            (.condition, "脊髓損傷", "spinal-cord-injury"),
            (.condition, "脑瘫", "cerebral-palsy"),
            (.condition, "渐冻症", "amyotrophic-lateral-sclerosis"),
            (.condition, "孤独症谱系障碍", "autism-spectrum-disorder"),
            (.cellSource, "骨髓", "bone-marrow"),
            (.cellSource, "BMSC", "bone-marrow"),
            (.cellSource, "hUC-MSC", "umbilical-cord"),
            (.cellSource, "ADSC", "adipose"),
            (.cellSource, "WJ-MSC", "whartons-jelly"),
            (.cellSource, "人颅骨", "calvaria"),
            (.cellSource, "MenSCs", "menstrual-blood"),
            (.diseaseModel, "MCAO", "mcao"),
            (.diseaseModel, "R6/2", "r6-2"),
            (.route, "ICV", "intracerebroventricular"),
            (.route, "IN", "intranasal"),
            (.route, "IA", "intra-arterial"),
            (.route, "IC", "intracerebral"),
            (.route, "IT", "intrathecal"),
            (.route, "尾静脉", "tail-vein-injection"),
            (.route, "颈内动脉", "internal-carotid-artery"),
            (.productForm, "外泌体", "exosomes"),
            (.productForm, "条件培养基", "conditioned-medium"),
            (.productForm, "SCLC", "schwann-cell-like-cells"),
            (.mechanism, "归巢", "homing"),
            (.molecule, "脑源性神经营养因子", "bdnf"),
            (.molecule, "SDF-1α", "cxcl12"),
            (.pathway, "PI3K/AKT/mTOR", "pi3k-akt-mtor"),
            (.outcomeMeasure, "改良巴氏指数", "modified-barthel-index"),
            (.outcomeMeasure, "复合肌肉动作电位", "cmap"),
        ])
    func synonymResolves(kind: VocabularyKind, name: String, id: String) {
        #expect(resolve(kind, name) == [id])
    }

    @Test("no name is shared by two terms of the same kind")
    func namesUnambiguous() {
        for kind in VocabularyKind.allCases {
            var owner: [String: String] = [:]
            for term in base.vocabulary where term.kind == kind {
                for name in Set(term.names.map { $0.lowercased() }) {
                    if let other = owner[name] {
                        Issue.record("\(kind.rawValue) name '\(name)' used by '\(other)' and '\(term.id)'")
                    }
                    owner[name] = term.id
                }
            }
        }
    }

    @Test(
        "hierarchies: a term's parent is the broader term",
        arguments: [
            (VocabularyKind.route, "tail-vein-injection", "intravenous"),
            (.route, "intravenous", "intravascular"),
            (.route, "internal-carotid-artery", "intracarotid"),
            (.route, "lumbar-puncture", "intrathecal"),
            (.cellSource, "whartons-jelly", "umbilical-cord"),
            (.productForm, "exosomes", "extracellular-vesicles"),
            (.productForm, "ccl2-overexpressing", "gene-engineered"),
            (.productForm, "il1a-preconditioned", "preconditioned"),
            (.diseaseModel, "mcao-transient", "mcao"),
            (.mechanism, "homing-firm-adhesion", "homing"),
            (.pathway, "jnk", "mapk"),
        ])
    func parents(kind: VocabularyKind, id: String, parent: String) {
        #expect(base.term(kind, id)?.parent == parent)
    }

    @Test("each stroke phase is related to ischaemic stroke")
    func strokePhases() {
        for phase in ["stroke-hyperacute", "stroke-acute", "stroke-subacute", "stroke-chronic"] {
            let term = base.term(.diseasePhase, phase)
            #expect(
                term?.related.contains(TermReference(.condition, "ischemic-stroke")) == true, "\(phase)")
        }
    }

    @Test("disease models name their condition and species")
    func modelsRelated() {
        let mcao = base.term(.diseaseModel, "mcao")
        #expect(mcao?.related.contains(TermReference(.condition, "ischemic-stroke")) == true)
        #expect(mcao?.related.contains(TermReference(.species, "rat")) == true)
        let r62 = base.term(.diseaseModel, "r6-2")
        #expect(r62?.related.contains(TermReference(.condition, "huntingtons-disease")) == true)
        #expect(r62?.related.contains(TermReference(.species, "mouse")) == true)
    }

    @Test("every term has a label, a definition and a provenance")
    func termsComplete() {
        for term in base.vocabulary {
            #expect(
                !term.definition.isEmpty && !term.label.isEmpty && !term.provenance.isEmpty,
                "\(term.id)")
        }
    }

    @Test("ids are lower-case hyphenated slugs")
    func slugIds() {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        for term in base.vocabulary {
            #expect(term.id.allSatisfy { allowed.contains($0) }, "\(term.kind.rawValue) '\(term.id)'")
        }
    }
}
