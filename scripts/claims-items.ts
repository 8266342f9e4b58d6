/**
 * The research items behind the conjectures, written by hand: what each item claims (in words, and in TeX where
 * there is a bound), which paper and which part of it, and its provenance. `scripts/claims.ts` joins them with the
 * registry into docs/claims.md; a conjecture's `source.ref` ('claims.md C5', 'claims.md P12 (FALSE-b); P15 (d)')
 * names the items it tests, and test/docs/claims.test.ts checks every name resolves here.
 *
 * Paper 1 items are C1–C12, paper 2 items P0–P19 (the numbering the properties files have always used); background
 * items are B-MI, B-WI and B-CLIP. Parts (`parts`) and planted false variants (`planted`) are the keys a ref may put
 * in parentheses after the item.
 */
import type { Provenance } from '../src/conjecture/index.js';

export interface Paper {
  /** The `source.paper` key the conjectures use (or the key an item names). */
  readonly key: string;
  readonly authors: string;
  /** How the contents table names it (default: the first author). */
  readonly short?: string;
  readonly year: number;
  readonly title: string;
  readonly venue?: string;
  /** Only where the sources read give one. */
  readonly arxiv?: string;
  /** What could be read of it, and so how far the items below can speak for it. */
  readonly access: string;
}

export interface ClaimItem {
  /** 'C5', 'P14', 'B-WI': what refs name. */
  readonly id: string;
  /** Stable HTML anchor in docs/claims.md. */
  readonly anchor: string;
  /** Keys of its papers in PAPERS (the first is the main one). */
  readonly papers: readonly string[];
  readonly title: string;
  /** The claim in words. */
  readonly statement: string;
  /** The claim's bound or identity in TeX (display math), where there is one. */
  readonly tex?: string;
  /** Which part of the paper the item tests. */
  readonly part: string;
  readonly provenance: Provenance;
  /** Why that provenance: what the paper says and what is our reconstruction. */
  readonly basis: string;
  /** Sub-claims a ref may name, e.g. { '2': 'the two-sided bias bound' }. */
  readonly parts?: Readonly<Record<string, string>>;
  /** Planted false variants a ref or a twin's title may name, e.g. { 'FALSE-1': 'linear calibration' }. */
  readonly planted?: Readonly<Record<string, string>>;
}

export const PROVENANCE: Readonly<Record<Provenance, string>> = {
  'paper-claim':
    'The paper states this claim (in its abstract, or in a source by its authors: project page, blog, ' +
    'official code). The full texts could not be read, so the precise form checked here (constants, rates, ' +
    'conventions) is our reconstruction of the stated claim.',
  reconstructed:
    'A precise statement we derived (and checked numerically before writing the conjecture) to make a ' +
    'claim of the paper, or a step towards it, testable. It is not a quotation of the paper: the paper may use ' +
    'other constants or forms.',
  background:
    'An earlier published result, or the behaviour of a reference implementation, that the papers build ' +
    'on; it is checked so the suite rests on known ground.',
};

/** Tags that code comments put after a reconstructed formula. */
export const TAGS: Readonly<Record<string, string>> = {
  '[P]': 'read in a primary source of the paper (abstract, first page)',
  '[P-abs], [P-blog], [P-page], [P-code]':
    "paper 2's primary sources: abstracts of its versions, the first author's " +
    'blog post, the project page, the official code',
  '[S]': 'a secondary summary of the paper (a hint, not what the paper says)',
  '[B]': "the senior author's book (paper 1's framework and notation, not its theorems)",
  '[R]': "our reconstruction or derivation, not the paper's statement",
  '[V], [R✓]': 'reconstructed and checked numerically (exact finite sums, enumeration or seeded Monte Carlo)',
};

export const PAPERS: readonly Paper[] = [
  {
    key: 'li2026',
    authors: 'Li, Wei, Yang, Ying',
    year: 2026,
    title: 'Statistical Consistency and Generalization of Contrastive Representation Learning',
    venue: 'ICML 2026 (PMLR vol. 306)',
    arxiv: '2605.02116',
    access:
      'Only the title page and abstract could be read. The abstract claims: the contrastive loss is ' +
      'statistically consistent with optimal ranking under an AUC-type population criterion; a calibration-style ' +
      'inequality relates excess contrastive risk to excess retrieval suboptimality; generalization bounds of order ' +
      'O(1/m + 1/√n) (supervised) and O(1/√m + 1/√n) (self-supervised), m negatives and n anchors, with an explicit ' +
      "m–n trade-off. The framework and notation come from the senior author's book (T. Yang, Optimization for " +
      'Modern Machine Learning), which cites the paper. Every precise form below is therefore a reconstruction.',
  },
  {
    key: 'cai2026',
    authors: 'Cai, Zhang, Liu, Shi',
    year: 2026,
    title:
      'The Geometric Mechanics of Contrastive Representation Learning: Alignment Potentials, Entropic ' +
      'Dispersion, and Cross-modal Divergence',
    venue: 'ICML 2026',
    arxiv: '2601.19597',
    access:
      'The full text could not be read in any version. Read: the abstracts of v1, v2 and v6, the first ' +
      "author's blog post (which gives the free energy, the Gibbs law and the multimodal energy with its " +
      '−½[KL + KL] term verbatim), the project page (with theorem numbers of v1) and the official code ' +
      '(YichaoCai1/InfoNCE_Geometry), plus a third-party review of v4 for theorem numbers. Theorem numbers below are ' +
      'those of v1 and v4; the numbering of later versions is unknown.',
  },
  {
    key: 'liang2022',
    authors: 'Liang, Zhang, Kwon, Yeung, Zou',
    year: 2022,
    title: 'Mind the Gap: Understanding the Modality Gap in Multi-modal Contrastive Representation Learning',
    venue: 'NeurIPS 2022',
    access:
      'Read: the code and README of Weixin-Liang/Modality-Gap (the mismatched-label simulation notebook of ' +
      'its Figure 3). Paper 2 cites it as the finite analogue of "heterogeneity ⇒ gap".',
  },
  {
    key: 'wang-isola2020',
    authors: 'Wang, Isola',
    year: 2020,
    title: 'Understanding Contrastive Representation Learning through Alignment and Uniformity on the Hypersphere',
    venue: 'ICML 2020',
    access:
      'Read: Theorem 1 (the large-M limit of the contrastive loss) and the reference code SsnL/align_uniform ' +
      '(align_loss, uniform_loss).',
  },
  {
    key: 'oord2018',
    authors: 'van den Oord, Li, Vinyals',
    year: 2018,
    title: 'Representation Learning with Contrastive Predictive Coding',
    access: 'Background: the InfoNCE lower bound on mutual information, as restated by Poole et al. (2019).',
  },
  {
    key: 'poole2019',
    authors: 'Poole, Ozair, van den Oord, Alemi, Tucker',
    year: 2019,
    title: 'On Variational Bounds of Mutual Information',
    venue: 'ICML 2019',
    access: 'Background: I(X;Y) ≥ log N − L_N for the InfoNCE loss with N − 1 negatives and any critic.',
  },
  {
    key: 'openclip',
    authors: 'OpenCLIP contributors (mlfoundations/open_clip)',
    short: 'OpenCLIP',
    year: 2021,
    title: 'ClipLoss and SigLipLoss in src/open_clip/loss.py (the reference implementation of the CLIP loss)',
    access:
      'Read at HEAD 89fb801: the single-process ClipLoss is ½[CE(s·I Tᵀ, labels) + CE(s·T Iᵀ, labels)] with ' +
      'labels 0..N−1; features are normalized by the model, not by the loss.',
  },
];

const P1 = 'li2026',
  P2 = 'cai2026';

export const ITEMS: readonly ClaimItem[] = [
  // ---------------------------------------------------------------- paper 1
  {
    id: 'C1',
    anchor: 'c1',
    papers: [P1],
    title: 'Population minimiser and value',
    statement:
      'Over all score tables s, the population contrastive risk (m = ∞) is at least L* = −τ E_x ' +
      'KL(P₊(·|x) ‖ P₋(·|x)), and it equals L* exactly at s* = τ log(P₊/P₋) + c(x) for any per-anchor shift c. ' +
      'Its gradient ∂L/∂s(x, y) = p1(x)[q_s(y|x) − P₊(y|x)] vanishes at s*.',
    tex: String.raw`L(s) \ge L^* = -\tau\,\mathbb{E}_x\,\mathrm{KL}\big(P_+(\cdot|x)\,\|\,P_-(\cdot|x)\big),\qquad L\big(\tau\log\tfrac{P_+}{P_-} + c(x)\big) = L^*`,
    part:
      'The consistency result ("the contrastive loss is statistically consistent with optimal ranking"): its ' +
      'first step, which loss minimisers exist. The minimiser form is the discriminative-modelling result of the ' +
      "senior author's book (Thm 2.4/2.5).",
    provenance: 'reconstructed',
    basis:
      'Minimiser form from the book [B]; the value L* and the gradient are our derivation [R], checked on ' +
      '20,000 random instances [V].',
    planted: {
      'FALSE-1': 's = τ log P₊(y|x) (the uniform-base minimiser) minimises L; false whenever P₋(·|x) is not uniform',
      'FALSE-2': 'L* = −τ E_x KL(P₋ ‖ P₊) (the KL reversed)',
    },
  },
  {
    id: 'C2',
    anchor: 'c2',
    papers: [P1],
    title: 'Excess-risk identity',
    statement:
      "The excess risk is exactly τ times the expected KL divergence from the positive law to the model's " +
      "softmax over candidates, q_s(y|x) = P₋(y|x) e^{s(x,y)/τ} / Σ_y' P₋(y'|x) e^{s(x,y')/τ}.",
    tex: String.raw`L(s) - L^* = \tau\,\mathbb{E}_x\,\mathrm{KL}\big(P_+(\cdot|x)\,\|\,q_s(\cdot|x)\big)`,
    part:
      'The key step of the calibration-style inequality ("relates excess contrastive risk to excess retrieval ' +
      'suboptimality").',
    provenance: 'reconstructed',
    basis: 'Our derivation [R], held to 1e-9 relative on 20,000 instances [V].',
    planted: { FALSE: 'the same identity with KL(q_s ‖ P₊)' },
  },
  {
    id: 'C3',
    anchor: 'c3',
    papers: [P1],
    title: 'Self-supervised and symmetric (CLIP-style) optima',
    statement:
      'In the self-supervised model (positives P(·|x), negatives from the marginal p₂) the optimum is ' +
      '−τ I(X;Y), attained by τ·PMI + c(x). The symmetric two-sided loss L_sym = L + Lᵀ (Lᵀ swaps x and y, ' +
      'negatives from p₁) has minimum −2τ I(X;Y), attained by τ·PMI + const: it pins the per-anchor shift.',
    tex: String.raw`\min_s L = -\tau I(X;Y),\qquad L_{\mathrm{sym}}(s) \ge -2\tau I(X;Y) = L_{\mathrm{sym}}(\tau\,\mathrm{PMI} + \mathrm{const})`,
    part:
      'The self-supervised objective ("we study both supervised and self-supervised contrastive objectives") ' +
      'and the CLIP-style symmetric loss of the book.',
    provenance: 'reconstructed',
    basis: 'Minimisers from the book [B]; values our derivation [R], 200 random instances and a BFGS check [V].',
    planted: { FALSE: 'τ·PMI + c(x) with a non-constant c also minimises L_sym' },
  },
  {
    id: 'C4',
    anchor: 'c4',
    papers: [P1],
    title: 'Consistency with optimal ranking (per-anchor AUC)',
    statement:
      'Every minimiser s* = τ log r + c(x), r = P₊/P₋, attains the optimal per-anchor AUC (ties count ½); ' +
      'AUC(s) ≤ AUC* for every s; the AUC is invariant under strictly increasing per-anchor maps of the scores.',
    tex: String.raw`\mathrm{AUC}(s) = \mathbb{E}_x \Pr_{y^+\sim P_+,\,y^-\sim P_-}\big[s(x,y^+) > s(x,y^-)\big] \le \mathrm{AUC}^* = \mathrm{AUC}(s^*)`,
    part:
      'The abstract\'s consistency claim: "we evaluate retrieval quality using an AUC-type population criterion ' +
      'and show that the contrastive loss is statistically consistent with optimal ranking".',
    provenance: 'paper-claim',
    basis:
      'The claim is the paper\'s [P]; the per-anchor AUC with ties ½ is our reading of "AUC-type population ' +
      'criterion" [R][V] (C9 shows a pooled AUC cannot be meant).',
    planted: {
      'FALSE-1': 'AUC(s) = AUC* implies L(s) = L* (s = 2s* keeps the order but not the risk)',
      'FALSE-2':
        'in the self-supervised model, ranking by P₊(y|x) alone is AUC-optimal; counterexample P ∝ ' +
        '[[.30, .05], [.45, .20]] with AUC* = 0.5375 against 0.5',
    },
  },
  {
    id: 'C5',
    anchor: 'c5',
    papers: [P1],
    title: 'Calibration chain',
    statement:
      "The retrieval regret is bounded by the expected L¹ distance between the positive law and the model's " +
      'softmax, which Pinsker bounds by the expected √(2 KL), which Jensen bounds by √(2 (L(s) − L*)/τ). A square ' +
      'root is the right shape: a linear calibration function fails for every constant.',
    tex: String.raw`\mathrm{AUC}^* - \mathrm{AUC}(s) \le \mathbb{E}_x\|P_+ - q_s\|_1 \le \mathbb{E}_x\sqrt{2\,\mathrm{KL}(P_+\|q_s)} \le \sqrt{2\,(L(s) - L^*)/\tau}`,
    part:
      'The abstract\'s "calibration-style inequality that quantitatively relates excess contrastive risk to ' +
      'excess retrieval suboptimality"; its function is not stated in what could be read.',
    provenance: 'reconstructed',
    basis:
      "The inequality's existence is the paper's claim [P]; this chain, with its proof, is ours [R]; 20,000 " +
      'random instances plus adversarial hill-climbing [V]. The supremum of regret/√((L − L*)/τ) found so far is ' +
      'about 0.78, against the proven √2.',
    planted: {
      'FALSE-1':
        'linear calibration, regret ≤ (L − L*)/τ: fails on Kx = 1, P₋ = (½, ½), P₊ = (½ + ε, ½ − ε), ' +
        's = (0, δ), where the ratio grows like 1/ε',
      'FALSE-2': 'too small a constant, regret ≤ 0.5·√((L − L*)/τ): the 2-point near-tie instance reaches 1/√2',
      'FALSE-3': 'total variation instead of L¹, regret ≤ ½ E_x ‖P₊ − q_s‖₁: fails on a 3-candidate instance',
    },
  },
  {
    id: 'C6',
    anchor: 'c6',
    papers: [P1],
    title: 'Finite-m bias of the normalized loss with fresh negatives',
    statement:
      'For the normalized ("global contrastive", form A) loss with m fresh i.i.d. negatives per anchor, the ' +
      'population risk L_m increases with m toward L, the bias is two-sided bounded by B_m = O(1/m), and ' +
      'm (L − L_m) tends to the first-order constant (τ/2) E_x Var_{P₋}(e^{s/τ})/(E_{P₋} e^{s/τ})².',
    tex: String.raw`0 \le L(s) - L_m(s) \le B_m = \frac{\tau}{2m}\,\mathbb{E}_x \frac{\mathrm{Var}_{P_-}(e^{s/\tau})}{(\min_y e^{s(x,y)/\tau})^2}`,
    part: 'The inner (negatives) term of the supervised bound O(1/m + 1/√n): why more negatives help.',
    provenance: 'reconstructed',
    basis:
      "A pure Jensen bias [R], checked by exact multinomial enumeration [V]; the paper's own constants are " +
      'unknown.',
    parts: {
      1: 'monotone in m: L_1 ≤ L_2 ≤ … ≤ L',
      2: 'the two-sided bias bound 0 ≤ L − L_m ≤ B_m',
      3: 'the asymptotics m (L − L_m) → (τ/2) E_x Var/(E e)²',
    },
    planted: {
      'FALSE-1': 'L_m(s) ≥ L(s) (Jensen the wrong way)',
      'FALSE-2': 'the bias is Θ(1/√m); in fact √m·(L − L_m) → 0',
      'FALSE-3': 'the first-order constant as a bound for every m, L − L_m ≤ C_asym/m; fails at m = 1',
    },
  },
  {
    id: 'C7',
    anchor: 'c7',
    papers: [P1],
    title: 'InfoNCE (positive in the denominator) at finite m',
    statement:
      'For the InfoNCE form B, τ log(e^{s⁺/τ} + Σ_j e^{s_j/τ}) − s⁺, the minimiser s* = τ log r + c(x) is ' +
      'the same for every m ≥ 1, and L_m^NCE − τ log m is within O(1/m) of L. The normalized form A at small m is ' +
      'unbounded below along e_k whenever P₊(k|x) > 1 − (1 − P₋(k|x))^m.',
    tex: String.raw`\big|L^{\mathrm{NCE}}_m(s) - \tau\log m - L(s)\big| \le \tau\,\mathbb{E}\max\Big(\frac{1}{m\mu},\ \frac{\mathrm{Var}}{2m a^2}\Big)`,
    part:
      'The loss of the paper\'s "Eq. 1" ("an InfoNCE/log-sum-exp pairwise ranking loss"; which form is not known): ' +
      'whether consistency needs m → ∞.',
    provenance: 'reconstructed',
    basis: 'Our derivation [R], exact enumeration for m = 1, 2, 3, 5 and the bias at m = 4, 16 [V].',
    parts: {
      1: 'form B is minimised by s* for every m',
      2: 'the O(1/m) bound on |L_m^NCE − τ log m − L|',
      3: 'form A at small m is unbounded below',
    },
    planted: { FALSE: 'form A at m = 1 is minimised by s* (it is linear in s there, unbounded below)' },
  },
  {
    id: 'C8',
    anchor: 'c8',
    papers: [P1],
    title: 'Fresh against shared negatives',
    statement:
      'With fresh negatives per anchor the empirical risk concentrates around L_m at the Hoeffding rate ' +
      'O(1/√n), with no growth in m; with one shared pool of m negatives (self-supervised, negatives reused ' +
      'across anchors) an error of order 1/√m remains that more anchors cannot remove.',
    tex: String.raw`\sqrt{m}\cdot\mathrm{RMS}(\hat L - L) \le \tau\sqrt{\mathbb{E}_x \mathrm{Var}_{p_-}(e^{s/\tau})/(\min e^{s/\tau})^2}`,
    part:
      'The mechanism behind the two rates of the abstract: O(1/m + 1/√n) supervised against O(1/√m + 1/√n) ' +
      'self-supervised.',
    provenance: 'reconstructed',
    basis: 'Our explanation [R], not a quotation; Monte Carlo at n = 20,000 with 200 replications [V].',
    planted: {
      FALSE:
        'a shared pool also gives the supervised deviation sup_F |L̂ − L_m| ≤ range·√(log(2k/δ)/(2n)); ' +
        'violated in 100 of 100 replications',
    },
  },
  {
    id: 'C9',
    anchor: 'c9',
    papers: [P1],
    title: 'Per-anchor against global (pooled) AUC',
    statement:
      'The per-anchor AUC is blind to per-anchor shifts c(x), so every minimiser s* + c(x) is optimal for ' +
      'it; a global AUC that pools pairs across anchors is not: only the pooled likelihood ratio (c ≡ 0) is ' +
      'globally optimal. The consistency claim can therefore only hold for a per-anchor criterion.',
    tex: String.raw`\mathrm{AUC}(s^* + c) = \mathrm{AUC}(s^*),\qquad \mathrm{AUC}_{\mathrm{global}}(s) \le \mathrm{AUC}_{\mathrm{global}}(\tau\log r)`,
    part:
      'Which "AUC-type population criterion" the consistency result can refer to; it also reconciles the paper ' +
      'with Sheikholeslami et al. (2025), who call contrastive losses unrelated to a global AUC.',
    provenance: 'reconstructed',
    basis: 'Our analysis [R]; the global AUC lost up to 0.238 over 2,000 random shifts [V].',
    planted: { FALSE: 'every contrastive minimiser s* + c(x) maximises the global AUC' },
  },
  {
    id: 'C10',
    anchor: 'c10',
    papers: [P1],
    title: 'Supervised generalization on a finite class',
    statement:
      'For a finite class of k score tables and fresh negatives, with probability at least 1 − δ the ' +
      'empirical risk is uniformly within B_m + range·√(log(2k/δ)/(2n)) of L: the O(1/m + 1/√n) shape. Dropping ' +
      'the O(1/m) term is false at small m.',
    tex: String.raw`\Pr\Big[\sup_{s\in F}\big|\hat L_{n,m}(s) - L(s)\big| \le B_m + \mathrm{range}\sqrt{\tfrac{\log(2k/\delta)}{2n}}\Big] \ge 1 - \delta`,
    part: 'The supervised generalization bound of order O(1/m + 1/√n) (abstract), for a finite class.',
    provenance: 'reconstructed',
    basis:
      "Hoeffding plus a union bound plus C6 [R]; no violation in 100 runs [V]. The paper's complexity terms " +
      'and constants are unknown.',
    planted: { FALSE: 'O(1/√n) alone (B_m dropped); violated at m = 2, where the bias is about 0.2' },
  },
  {
    id: 'C11',
    anchor: 'c11',
    papers: [P1],
    title: 'Temperature scaling',
    statement:
      'The risk at temperature τ is τ times the risk at temperature 1 of the scores s/τ; so is the optimum. ' +
      'The AUC does not depend on τ.',
    tex: String.raw`L_\tau(s) = \tau\,L_1(s/\tau),\qquad L^*_\tau = \tau\,L^*_1`,
    part: 'The temperature τ of the loss (a metamorphic check of the reconstruction).',
    provenance: 'reconstructed',
    basis: 'Direct from the definitions [R].',
    planted: { FALSE: 'L_τ(s) = L_1(s/τ) (the factor τ dropped)' },
  },
  {
    id: 'C12',
    anchor: 'c12',
    papers: [P1],
    title: 'The m–n trade-off of the bound shapes',
    statement:
      'Under a budget N = n·m of scored pairs, the supervised shape a/m + b/√n is smallest at ' +
      'm* = (2a/b)^{2/3} N^{1/3} and the self-supervised shape a/√m + b/√n at m* = (a/b)√N; the optimal m grows ' +
      'sublinearly in N.',
    tex: String.raw`m^*_{\mathrm{sup}} = (2a/b)^{2/3} N^{1/3},\qquad m^*_{\mathrm{self}} = (a/b)\sqrt{N}`,
    part: 'The abstract\'s "explicit trade-off between m and n"; how the paper parametrises the budget is unknown.',
    provenance: 'reconstructed',
    basis: "Calculus on the bound expressions [R] (mathjs derivative and bisection), not the paper's text.",
    planted: { FALSE: 'the optimal m grows linearly in the budget N' },
  },
  // ---------------------------------------------------------------- paper 2
  {
    id: 'P0',
    anchor: 'p0',
    papers: [P2],
    title: 'Closed forms of the von Mises–Fisher oracles',
    statement:
      'The mean resultant length of vMF(z, κ) on S^{d−1} is A_d(κ) = I_{d/2}(κ)/I_{d/2−1}(κ); at d = 3 it ' +
      'is coth κ − 1/κ. The large-κ expansion 1 − (d − 1)/(2κ) is only an asymptote.',
    tex: String.raw`A_3(\kappa) = \frac{I_{3/2}(\kappa)}{I_{1/2}(\kappa)} = \coth\kappa - \frac{1}{\kappa}`,
    part:
      'Infrastructure for the alignment potential and the large-batch limits (the closed forms the checks of ' +
      'P1, P2, P7 and P13 rely on).',
    provenance: 'reconstructed',
    basis: 'Standard special-function identities [R], checked against quadrature and Monte Carlo [V].',
    planted: { FALSE: 'A_d(κ) = 1 − (d − 1)/(2κ) exactly' },
  },
  {
    id: 'P1',
    anchor: 'p1',
    papers: [P2],
    title: 'Large-batch value consistency (unimodal)',
    statement:
      'Finite-batch InfoNCE with N negatives, minus log N, converges to the deterministic energy ' +
      'J_∞ = −E s⁺/τ + E_z log Γ(z), Γ(z) = E_{w∼q} e^{⟨z,w⟩/τ}; the bias is O(1/N), with an explicit constant ' +
      'valid for every N.',
    tex: String.raw`N\,\big|\mathbb{E}\,\ell_N - \log N - J_\infty\big| \le C_{\mathrm{value}}`,
    part:
      'Thm 3.1 (v1 and v4), value part: "In the large-batch limit, we prove value and gradient consistency" ' +
      '(abstract).',
    provenance: 'paper-claim',
    basis:
      "The limit is the paper's claim [P-abs]; the O(1/N) rate and its constant are ours [R✓]; no source read " +
      'gives a rate.',
    planted: {
      'FALSE-a': 'no finite-N bias: E ℓ_N − log N = J_∞ for every N (at N = 1 the bias can be log 2)',
      'FALSE-b': 'the limit has the log outside the anchor expectation, −E s⁺/τ + log E_{z,w} e^{s/τ} (see B-WI)',
    },
  },
  {
    id: 'P2',
    anchor: 'p2',
    papers: [P2],
    title: 'Large-batch gradient consistency (unimodal)',
    statement:
      'The gradient of the finite-batch InfoNCE converges to the gradient of J_∞, with error ' +
      'E‖g_N − g_∞‖ = O(1/√N) (an explicit constant valid for every N).',
    tex: String.raw`\sqrt{N}\,\mathbb{E}\,\|g_N - g_\infty\| \le C_{\mathrm{grad}}`,
    part:
      'Thm 3.1 (v1 and v4), gradient part ("not only in objective value, but also in its parameter gradient", ' +
      'blog).',
    provenance: 'paper-claim',
    basis: "The convergence is the paper's claim [P-blog]; the rate and constant are ours [R✓].",
  },
  {
    id: 'P3',
    anchor: 'p3',
    papers: [P2],
    title: 'Free energy, Gibbs equilibrium and its uniqueness',
    statement:
      'On a finite measure space, the intrinsic free energy F_{τ,U}(ρ) = (1/τ)∫Uρ dμ + ∫ρ log ρ dμ ' +
      'differs from a KL divergence to the Gibbs density ρ* = e^{−U/τ}/Z_τ by the constant −log Z_τ; so F is ' +
      'minimised exactly at ρ*, with minimum −log Z_τ.',
    tex: String.raw`F_{\tau,U}(\rho) + \log Z_\tau = \mathrm{KL}(\rho\,\|\,\rho^*) \ge 0,\qquad \rho^* = e^{-U/\tau}/Z_\tau`,
    part:
      'Prop 3.1 (v4; Thm 3.2 in v1): "In the unimodal case, the intrinsic energy is strictly convex and admits ' +
      'a unique Gibbs equilibrium" (abstract).',
    provenance: 'paper-claim',
    basis: 'Free energy and Gibbs law verbatim from the blog [P-blog]; the KL identity is ours [R✓].',
    planted: {
      'FALSE-a': 'ρ* ∝ e^{−τU}',
      'FALSE-b': 'ρ* ∝ e^{+U/τ}',
      'FALSE-c': 'the uniform density minimises F for every U (naive "uniformity")',
    },
  },
  {
    id: 'P4',
    anchor: 'p4',
    papers: [P2],
    title: 'The bifurcation: convex unimodal, concave multimodal',
    statement:
      'The unimodal F is strictly (indeed strongly, in L¹(μ)) convex, while the sharpened multimodal energy ' +
      'G(ρ₁, ρ₂) is concave in ρ₁ for fixed ρ₂.',
    tex: String.raw`tF(\rho_0) + (1-t)F(\rho_1) - F(t\rho_0 + (1-t)\rho_1) \ge \tfrac12 t(1-t)\|\rho_0 - \rho_1\|^2_{L^1(\mu)}`,
    part:
      'Prop 3.1 against Prop 4.1 (v4): strict convexity of the unimodal energy; "holding ρ₂ fixed, ρ₁ ↦ F^Sym ' +
      'is concave" (review of v4).',
    provenance: 'paper-claim',
    basis:
      "Strict convexity is the paper's claim [P-abs]; the strong-convexity constant and the concavity proof " +
      'are ours [R✓].',
    parts: { a: 'the unimodal F is strictly convex', b: 'ρ₁ ↦ G(ρ₁, ρ₂) is concave' },
    planted: { FALSE: 'G is convex in ρ₁, like the unimodal F' },
  },
  {
    id: 'P5',
    anchor: 'p5',
    papers: [P2],
    title: 'Low-temperature concentration',
    statement:
      'The Gibbs mass of every sublevel set {U ≤ c} is non-increasing in τ; E_τ[U] and the entropy of ρ*_τ ' +
      'are non-decreasing; and the mass outside {U ≤ min U + δ} decays like e^{−δ/(2τ)}.',
    tex: String.raw`1 - \rho^*_\tau\big(U \le \min U + \delta\big) \le \frac{\mu(Z)}{\mu(U \le \min U + \delta/2)}\,e^{-\delta/(2\tau)}`,
    part: 'Prop 3.2 (v4; Props 3.2–3.3 in v1): "as τ → 0⁺, mass concentrates on near-minimizers of U".',
    provenance: 'paper-claim',
    basis:
      "The qualitative claim is the paper's [P-blog, S]; the monotonicity and the tail bound are classical " +
      'Gibbs facts in our exact form [R✓].',
    parts: {
      i: 'the sublevel mass is non-increasing in τ',
      ii: 'E_τ[U] and H(ρ*_τ) are non-decreasing in τ',
      iii: 'the tail bound',
    },
    planted: {
      'FALSE-a':
        "the mass of a designated well (the paper's cap metric, a proxy, not a sublevel set) is " +
        'non-increasing in τ for every U',
      'FALSE-b': 'ρ*_τ tends to a Dirac mass as τ → 0 (false when the argmin set has positive measure)',
    },
  },
  {
    id: 'P6',
    anchor: 'p6',
    papers: [P2],
    title: 'Entropy breaks ties',
    statement:
      'When U attains its minimum on a set A of positive measure, ρ*_τ tends to the uniform law on A in ' +
      'total variation, exponentially fast in 1/τ; equal-depth minima do not in general receive equal mass.',
    tex: String.raw`\mathrm{TV}\big(\rho^*_\tau,\ \mathrm{Unif}_\mu(A)\big) = \rho^*_\tau(Z\setminus A) \le \frac{\mu(Z\setminus A)}{\mu(A)}\,e^{-\mathrm{gap}/\tau}`,
    part:
      'The interpretation in the abstracts of v1 and v2: "at low temperature, entropy only breaks ties among ' +
      'well-aligned solutions".',
    provenance: 'reconstructed',
    basis: 'Our precise form of the interpretation [R✓].',
    parts: { a: 'ρ*_τ → Uniform(argmin U) on a finite space' },
    planted: { FALSE: 'equal-depth minima receive equal limiting mass' },
  },
  {
    id: 'P7',
    anchor: 'p7',
    papers: [P2],
    title: 'The alignment potential',
    statement:
      "With the cosine critic, the potential term is Wang & Isola's alignment, shifted and scaled; if " +
      'positives are vMF(z, κ₊) around their anchor the potential is the constant −A_d(κ₊) (the Gibbs law is then ' +
      'uniform); with a location-dependent κ₊(z) it is −A_d(κ₊(z)), and the Gibbs law favours tight positives.',
    tex: String.raw`\frac1\tau\,\overline{(-\langle z, z^+\rangle)} = \frac{\overline{\|z - z^+\|^2} - 2}{2\tau},\qquad U(z) = -A_d(\kappa_+(z))`,
    part:
      'The alignment potential field U_θ (Def 3.1 in v4): "the average negative similarity that anchor z feels ' +
      'from its positive partners".',
    provenance: 'reconstructed',
    basis: 'The definition is from the review of v4 [S]; the identities are ours [R✓].',
    parts: {
      a: 'the identity with the alignment loss',
      b: 'isotropic positives give U ≡ −A_d(κ₊)',
      c: 'heteroscedastic positives give U(z) = −A_d(κ₊(z))',
    },
    planted: { FALSE: 'unbiased positives give perfect alignment, U ≡ −1 (at d = 2, κ₊ = 1, A₂(1) ≈ 0.446)' },
  },
  {
    id: 'P8',
    anchor: 'p8',
    papers: [P2],
    title: 'The negative symmetric divergence in the multimodal energy',
    statement:
      'The sharpened symmetric multimodal energy equals the average of the two directional free energies ' +
      "minus the half-sum symmetric KL between the marginals. The code's metric KL + KL is twice the theory's " +
      'D^Sym_half.',
    tex: String.raw`G(\rho_1,\rho_2) = \tfrac12\big[F_{12}(\rho_1) + F_{21}(\rho_2)\big] - \tfrac12\big[\mathrm{KL}(\rho_1\|\rho_2) + \mathrm{KL}(\rho_2\|\rho_1)\big]`,
    part:
      'Def 4.3 (v4), "the load-bearing equation": "the symmetric multimodal objective contains a persistent ' +
      'negative symmetric divergence term" (abstract).',
    provenance: 'paper-claim',
    basis: 'The formula is verbatim in the blog [P-blog]; the term-by-term derivation is ours [R✓].',
    planted: {
      'FALSE-a': '+D^Sym_half instead of −',
      'FALSE-b': "−(KL + KL): the ½ dropped (the code's sum convention in the theory)",
      'FALSE-c': "the code's metric KL + KL equals the theory's D^Sym_half",
    },
  },
  {
    id: 'P9',
    anchor: 'p9',
    papers: [P2],
    title: 'Persistence under kernel sharpening',
    statement:
      'On S¹ with von Mises smoothing of bandwidth ε (closed form for trigonometric-polynomial densities), ' +
      'the difference between "each modality against the other\'s smoothed density" and "against its own" tends to ' +
      '−D^Sym_half(ρ₁, ρ₂) ≠ 0 as ε → 0, with an explicit KDE error bound; smoothing keeps a density.',
    tex: String.raw`\Big|\int\rho\log\tilde\rho - \int\rho\log\rho\Big| \le \frac{2\|\tilde\rho - \rho\|_\infty}{\min\rho}\quad\text{when } \|\tilde\rho - \rho\|_\infty \le \tfrac12\min\rho`,
    part:
      'Thm 4.2 (v1 and v4): the negative divergence "remains even after kernel sharpening"; and the KDE bound ' +
      '|J_τ − F| ≤ 2ε_kde/ρ̲ of Thm 3.2 (v4).',
    provenance: 'paper-claim',
    basis: "The persistence is the paper's claim [P-abs]; the sharpening model and the bounds are ours [R✓].",
    parts: {
      a: '|J^Sym_ε − F^Sym| → 0',
      b: 'J^Sym_ε − J^self_ε → −D^Sym_half(ρ₁, ρ₂)',
      c: 'the KDE bound',
    },
    planted: { FALSE: 'the cross-modal coupling disappears as the kernel sharpens' },
  },
  {
    id: 'P10',
    anchor: 'p10',
    papers: [P2],
    title: 'Knife-edge stationarity of matched marginals',
    statement:
      'At matched marginals ρ₁ = ρ₂ = Gibbs(U₁₂), the first variation of G in ρ₁ is constant, and the one ' +
      'in ρ₂ has spread η·spread(h)/(2τ) when U₂₁ = U₁₂ + c + η h: matched marginals are stationary only when ' +
      'U₂₁ − U₁₂ is constant.',
    tex: String.raw`\mathrm{spread}(g_1) = 0,\qquad \mathrm{spread}(g_2) = \frac{\eta\,\mathrm{spread}(h)}{2\tau}`,
    part: 'Remark 4.5 (v4): symmetric InfoNCE "makes exact marginal matching a knife-edge condition" (project page).',
    provenance: 'reconstructed',
    basis: 'Our derivation of the first variations [R✓].',
    planted: { FALSE: 'the matched configuration is stationary for every U₂₁' },
  },
  {
    id: 'P11',
    anchor: 'p11',
    papers: [P2],
    title: 'Conditional heterogeneity',
    statement:
      'An exchangeable pair law (π = πᵀ) gives equal directional potentials U₁₂ ≡ U₂₁ (homogeneity); equal ' +
      'marginals alone do not.',
    tex: String.raw`\pi = \pi^{\mathsf T} \;\Rightarrow\; U_{12} \equiv U_{21}`,
    part:
      '"Conditional heterogeneity", under which the coupling "can structurally favor a modality gap" (project ' +
      'page); no formal definition was read.',
    provenance: 'reconstructed',
    basis: 'Our operational definition [R✓].',
    planted: { FALSE: 'equal marginals imply homogeneity (K = 3, cyclic coupling, irregular angles)' },
  },
  {
    id: 'P12',
    anchor: 'p12',
    papers: [P2],
    title: 'The finite-batch symmetric CLIP loss',
    statement:
      "The symmetric CLIP loss of the paper's code (in-batch negatives, positive in the denominator) has " +
      'exact metamorphic properties (checked as B-CLIP), and it is not a function of pairwise alignment: two ' +
      'perfectly aligned batches can have different losses.',
    tex: String.raw`L_{\mathrm{CLIP}} = \tfrac12\Big[\tfrac1B\sum_i\big(-S_{ii} + \log\sum_j e^{S_{ij}}\big) + \tfrac1B\sum_j\big(-S_{jj} + \log\sum_i e^{S_{ij}}\big)\Big],\quad S = XY^{\mathsf T}/\tau`,
    part: 'The symmetric multimodal objective, as implemented in the official code (symmetric_clip_loss_cosine).',
    provenance: 'reconstructed',
    basis: 'Loss from the official code [P-code]; the properties are ours [R✓].',
    planted: {
      'FALSE-a': 'the loss is invariant under rotating one modality only (B-CLIP)',
      'FALSE-b':
        'equal pairwise alignment implies equal symmetric InfoNCE; on S⁰ collapsed rows give log 2, ' +
        'antipodal rows log(1 + e^{−2/τ})',
    },
  },
  {
    id: 'P13',
    anchor: 'p13',
    papers: [P2],
    title: 'Large-batch consistency (symmetric multimodal)',
    statement:
      "E L_CLIP(B) − log B converges to J^Sym_∞, in which each direction's log-partition uses the OTHER " +
      "modality's marginal, with an O(1/B) bias (explicit constant valid for every B ≥ 2).",
    tex: String.raw`J^{\mathrm{Sym}}_\infty = -\frac{\mathbb{E}_\pi s}{\tau} + \tfrac12\mathbb{E}_{q_1}\log\mathbb{E}_{q_2}e^{s/\tau} + \tfrac12\mathbb{E}_{q_2}\log\mathbb{E}_{q_1}e^{s/\tau},\qquad B\,\big|\mathbb{E}L_{\mathrm{CLIP}}(B) - \log B - J^{\mathrm{Sym}}_\infty\big| \le C_{\mathrm{sym}}`,
    part: 'Thm 4.1 (v1 and v4): "the multimodal analogue of large-batch consistency" (review of v4).',
    provenance: 'paper-claim',
    basis: "The limit is the paper's claim; its explicit form and the rate are ours [R].",
    planted: { FALSE: "the limit uses each modality's own marginal in its log-partition" },
  },
  {
    id: 'P14',
    anchor: 'p14',
    papers: [P2],
    title: 'What pairwise alignment does control',
    statement:
      'For paired samples, alignment controls transport-type gaps: the centroid gap is at most the mean ' +
      'partner distance, which is at most √L_align; the energy distance is at most twice the mean partner ' +
      'distance; MMD_σ is at most the mean partner distance over σ; zero alignment loss gives zero gaps. ' +
      '("Alignment loss zero ⇒ no modality gap" is TRUE for finite samples and is not planted as false.)',
    tex: String.raw`\|\bar x - \bar y\| \le \tfrac1n\sum_i\|x_i - y_i\| \le \sqrt{L_{\mathrm{align}}},\qquad \mathcal E(X,Y) \le \tfrac2n\sum_i\|x_i - y_i\|,\qquad \mathrm{MMD}_\sigma \le \tfrac{1}{n\sigma}\sum_i\|x_i - y_i\|`,
    part:
      'Guards the reading of the abstract\'s "pairwise alignment alone is insufficient to control cross-modal ' +
      'marginal structure": the insufficiency is about KL-type and ranking gaps (P15), not transport gaps.',
    provenance: 'reconstructed',
    basis: 'Triangle inequalities and the RBF feature map [R✓].',
    parts: {
      a: 'centroid gap ≤ mean partner distance ≤ √L_align',
      b: 'energy distance ≤ 2 · mean partner distance',
      c: 'MMD_σ ≤ mean partner distance / σ',
      d: 'zero alignment loss gives zero gaps',
    },
    planted: { FALSE: 'energy distance ≤ mean partner distance (constant 1 instead of 2); n = 1 is a counterexample' },
  },
  {
    id: 'P15',
    anchor: 'p15',
    papers: [P2],
    title: 'What pairwise alignment does not control',
    statement:
      'Pairwise alignment does not control KL-type or ranking-based gaps: each statement below is a false ' +
      'universal claim that the suite refutes with a minimal counterexample.',
    part: 'The abstract (v6): "pairwise alignment alone is insufficient to control cross-modal marginal structure".',
    provenance: 'paper-claim',
    basis: "The insufficiency is the paper's claim [P-abs]; the counterexamples are ours [R✓].",
    parts: {
      a: 'perfect retrieval (R@1 = 1 both ways) implies a small centroid gap',
      b: 'equal alignment loss implies an equal centroid gap',
      c: 'a small mean pair distance implies a small histogram symmetric KL',
      d: 'equal alignment implies equal symmetric InfoNCE (P12 FALSE-b)',
    },
  },
  {
    id: 'P16',
    anchor: 'p16',
    papers: ['liang2022'],
    title: 'A mismatched pair makes the minimiser keep a gap',
    statement:
      "In Liang et al.'s simulation (9 image points on a circle at height z in S², text points at −z, " +
      'gap 2|z|), matched labels put the symmetric-InfoNCE minimiser at z = 0 for every temperature; with one ' +
      'swapped pair (labels 3 ↔ 8) the minimiser keeps a gap at low temperature: argmin |z| = 0.714, 0.869, 0.975, ' +
      '0.988 at 1/T = 50, 100, 500, 1000 (a 2001-point grid on [−1, 1]).',
    part:
      "The mismatched-label simulation of Liang et al.'s Figure 3 code, which paper 2 cites as the finite " +
      'analogue of "heterogeneity ⇒ gap".',
    provenance: 'background',
    basis: 'Setup from the reference notebook [BG-L]; the table is a float64 replication [R✓].',
    planted: { FALSE: 'the symmetric-InfoNCE minimiser always has zero centroid gap' },
  },
  {
    id: 'P17',
    anchor: 'p17',
    papers: [P2],
    title: 'The S¹ toy: the gap grows with misalignment',
    statement:
      "Training two linear encoders with the symmetric CLIP loss on the paper's S¹ toy (latent θ from a " +
      'von Mises mixture, partner θ + σ_mis·N(0, 1)), the learned gap (histogram symmetric KL, sum convention, 60 ' +
      'bins) at σ_mis = 0.7 exceeds the gap at σ_mis = 0. Identity encoders already show a data-level gap, reported ' +
      'alongside as the baseline: mean over 20 seeds of 8,000 pairs 0.0064 at σ_mis = 0 and 0.8316 at 0.7 (the ' +
      "population value at 0.7 is 0.740; at 8,000 pairs empty bins push a single seed's value up, to about 0.88 " +
      'on average).',
    part: 'Fig. 2b (v4; App. D.3 in v1), multimodal_modality_gap.py of the official code.',
    provenance: 'paper-claim',
    basis: 'Protocol from the official code [P-code]; the data-level baseline is ours [R✓].',
    planted: { FALSE: 'with identity encoders the measured gap is 0 for every σ_mis > 0' },
  },
  {
    id: 'P18',
    anchor: 'p18',
    papers: [P2],
    title: 'Particle descent tracks the Gibbs law',
    statement:
      'Particles on S² descending a KDE estimate of the intrinsic free energy of a two-well potential put ' +
      'the Gibbs cap mass (within 0.5 rad of the wells) within 0.05 for τ ≥ 0.5, and the Gibbs cap mass grows as τ ' +
      'falls. At τ = 0.1 the KDE bandwidth (0.35 rad) is wider than the wells and the particles do not track it.',
    part:
      'Fig. 4 / 2a (v4; App. D.2 in v1), unimodal_gibbs.py of the official code: "trained particles track ' +
      'analytical Gibbs samples across temperatures".',
    provenance: 'paper-claim',
    basis: 'Protocol from the official code [P-code], reduced in size; the bandwidth caveat is ours [R].',
  },
  {
    id: 'P19',
    anchor: 'p19',
    papers: [P2],
    title: 'The shuffle control of the gap metrics',
    statement:
      'Permuting the pairing of the two modalities leaves the centroid gap exactly unchanged (it does not ' +
      'see the pairing), while pair-based quantities such as the alignment loss and recall change.',
    part:
      'The "shuffle control" of the COCO experiments (coco_pretrained_gap.py): retrieval collapses while the gap ' +
      'metrics barely move.',
    provenance: 'reconstructed',
    basis: 'Exact for the centroid gap [R].',
    planted: { FALSE: 'shuffling the pairs changes the centroid gap' },
  },
  // ---------------------------------------------------------------- background
  {
    id: 'B-MI',
    anchor: 'b-mi',
    papers: ['oord2018', 'poole2019'],
    title: 'InfoNCE bounds mutual information',
    statement:
      'For the InfoNCE loss with N − 1 negatives from the marginal and any critic, log N − L_N is a lower ' +
      'bound on I(X;Y) (van den Oord et al. 2018; Poole et al. 2019). Checked exactly on finite joint laws.',
    tex: String.raw`I(X;Y) \ge \log N - L_N`,
    part:
      "The contrastive lower bound on mutual information; paper 1's self-supervised optimum (C3) is its " +
      'population counterpart.',
    provenance: 'background',
    basis: 'Published result.',
    planted: { FALSE: 'I(X;Y) ≥ log(2N) − L_N (independent X, Y with a constant critic refute it)' },
  },
  {
    id: 'B-WI',
    anchor: 'b-wi',
    papers: ['wang-isola2020'],
    title: "Wang & Isola's large-M limit",
    statement:
      'For fixed τ, L_M − log M tends to −E s⁺ + E_x log E_{y⁻} e^{s(x,y⁻)} (the log INSIDE the expectation ' +
      'over anchors) as the number M of negatives grows; checked with the O(1/M) rate of C7 (2).',
    tex: String.raw`\lim_{M\to\infty} L_M - \log M = -\mathbb{E}\,s(x,y^+) + \mathbb{E}_x\log\mathbb{E}_{y^-}e^{s(x,y^-)}`,
    part: "Theorem 1 of Wang & Isola (2020), which paper 2's J_∞ (P1) reproduces.",
    provenance: 'background',
    basis: "Published theorem; the rate constant is C7's [R].",
    planted: { FALSE: 'the log outside the anchor expectation ("L_uniform" style; P1 FALSE-b)' },
  },
  {
    id: 'B-CLIP',
    anchor: 'b-clip',
    papers: ['openclip'],
    title: 'Metamorphic properties of the symmetric CLIP loss',
    statement:
      'The symmetric CLIP loss (OpenCLIP ClipLoss semantics) is unchanged when the modalities are swapped ' +
      'and when one rotation is applied to both; it equals log B when all rows are identical. The one-directional ' +
      'InfoNCE is not swap-symmetric.',
    tex: String.raw`L(X, Y) = L(Y, X),\qquad L(XR, YR) = L(X, Y),\qquad L = \log B \text{ at identical rows}`,
    part:
      'The reference implementation\'s exact behaviour ("checks these oracles make cheap"); also the metamorphic ' +
      'list of P12.',
    provenance: 'background',
    basis: 'Behaviour of the reference code, derived from its formula.',
    parts: { swap: 'swap symmetry', rotation: 'common rotation', 'identical-rows': 'L = log B at identical rows' },
    planted: {
      'FALSE-a': 'invariance under rotating one modality only',
      'FALSE-b': 'L ≤ log B for every batch',
      'FALSE-c': 'the one-directional InfoNCE is swap-symmetric',
    },
  },
];

/** One line of a paper's notation: the symbol in TeX and what it means. */
export interface NotationEntry {
  readonly tex: string;
  readonly meaning: string;
}

/** The working notation of each paper (the full texts' own symbols are unknown); code comments cite these sections. */
export const NOTATION: Readonly<
  Record<string, { readonly title: string; readonly anchor: string; readonly entries: readonly NotationEntry[] }>
> = {
  li2026: {
    title: 'Paper 1 (finite ranking models)',
    anchor: 'notation-paper-1',
    entries: [
      { tex: String.raw`x \sim p_1`, meaning: 'anchors, Kx of them, with weights p1(x)' },
      {
        tex: String.raw`P_+(\cdot|x),\ P_-(\cdot|x)`,
        meaning:
          'the positive and the negative law over the same Ky ' +
          'candidates; supervised: per-anchor negatives; self-supervised: P₊ = P(·|x) and P₋ = p₂, the y-marginal',
      },
      { tex: String.raw`s(x,y),\ \tau`, meaning: 'the score table (one row per anchor) and the temperature' },
      {
        tex: String.raw`r_x = P_+/P_-,\quad s^* = \tau\log r_x + c(x)`,
        meaning: 'the likelihood ratio and the ' + 'population minimisers',
      },
      {
        tex: String.raw`L(s) = \mathbb{E}_x\big[\tau\log\mathbb{E}_{P_-}e^{s/\tau} - \mathbb{E}_{P_+}s\big]`,
        meaning: 'the population contrastive risk with m = ∞ negatives; L* its minimum',
      },
      { tex: String.raw`q_s(y|x) \propto P_-(y|x)\,e^{s(x,y)/\tau}`, meaning: "the model's softmax over candidates" },
      {
        tex: String.raw`\ell_m = \tau\log\big(\tfrac1m\textstyle\sum_j e^{(s_j - s^+)/\tau}\big)`,
        meaning:
          'form A ' + '(normalized, the "global contrastive" loss); L_m its population risk with m fresh negatives',
      },
      {
        tex: String.raw`\ell^{\mathrm{NCE}}_m = \tau\log\big(1 + \textstyle\sum_j e^{(s_j - s^+)/\tau}\big)`,
        meaning: 'form B (InfoNCE, positive in the denominator); L_m^NCE its population risk',
      },
      {
        tex: String.raw`\mathrm{AUC}(s)`,
        meaning:
          'the per-anchor AUC: E_x Pr[s(x, y⁺) > s(x, y⁻)], ties ½; AUC* its ' +
          "supremum, attained by ranking each anchor's candidates by r_x",
      },
      {
        tex: String.raw`n,\ m`,
        meaning: 'anchors and negatives per anchor of a training set; L̂_{n,m} its empirical risk',
      },
    ],
  },
  cai2026: {
    title: 'Paper 2 (finite measure spaces, S¹ and spheres)',
    anchor: 'notation-paper-2',
    entries: [
      {
        tex: String.raw`Z = \{1..K\},\ \mu_k > 0`,
        meaning:
          'a finite measure space; densities ρ are w.r.t. μ ' +
          '(Σ ρ_k μ_k = 1); every intrinsic identity holds on any such space',
      },
      {
        tex: String.raw`U,\ U_{12},\ U_{21}`,
        meaning:
          'the alignment potential and the two directional potentials ' +
          '(the average negative similarity an anchor feels from its partners)',
      },
      {
        tex: String.raw`F_{\tau,U}(\rho) = \tfrac1\tau\int U\rho\,d\mu + \int\rho\log\rho\,d\mu`,
        meaning: 'the intrinsic (unimodal) free energy',
      },
      { tex: String.raw`\rho^* = e^{-U/\tau}/Z_\tau`, meaning: 'the Gibbs equilibrium, Z_τ = ∫ e^{−U/τ} dμ' },
      {
        tex: String.raw`G(\rho_1,\rho_2)`,
        meaning:
          "the sharpened symmetric multimodal energy: each modality's " + "cross-entropy against the other's density",
      },
      {
        tex: String.raw`D^{\mathrm{Sym}}_{\mathrm{half}} = \tfrac12(\mathrm{KL} + \mathrm{KL})`,
        meaning:
          'the ' + "theory's symmetric KL; the code's metric is the sum KL + KL (named …KlHalf and …KlSum in the code)",
      },
      {
        tex: String.raw`\kappa_\tau(z,w) = e^{\langle z,w\rangle/\tau},\ \Gamma(z) = \mathbb{E}_{w\sim q}\kappa_\tau(z,w)`,
        meaning: 'the kernel of the cosine critic and the partition field of a law q on S^{d−1}',
      },
      {
        tex: String.raw`J_\infty,\ J^{\mathrm{Sym}}_\infty`,
        meaning: 'the large-batch limits of InfoNCE − log N and of ' + 'the symmetric CLIP loss − log B',
      },
      {
        tex: String.raw`A_d(\kappa) = I_{d/2}(\kappa)/I_{d/2-1}(\kappa)`,
        meaning: 'the mean resultant length of ' + "vMF(·, κ) on S^{d−1}; V_κ(τ) is the kernel's volume",
      },
      {
        tex: String.raw`\rho(\theta) = \tfrac1{2\pi}\big(1 + \textstyle\sum_k a_k\cos k(\theta - \varphi_k)\big)`,
        meaning:
          'trigonometric densities on S¹; von Mises smoothing at bandwidth ε multiplies a_k by I_k(1/ε)/I_0(1/ε)',
      },
    ],
  },
};
