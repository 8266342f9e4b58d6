/**
 * Adam (Kingma & Ba) on a flat float64 parameter vector, with PyTorch's defaults (β₁ 0.9, β₂ 0.999, ε 1e−8):
 *   m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,  θ ← θ − lr·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε).
 */
export class Adam {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;

  constructor(
    size: number,
    private readonly learningRate: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly epsilon = 1e-8,
  ) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  /** One descent step: updates `theta` in place from its gradient. */
  step(theta: Float64Array, gradient: ArrayLike<number>): void {
    this.t++;
    const { m, v, beta1: b1, beta2: b2 } = this;
    const c1 = 1 - b1 ** this.t,
      c2 = 1 - b2 ** this.t;
    for (let i = 0; i < theta.length; i++) {
      const g = gradient[i]!;
      m[i] = b1 * m[i]! + (1 - b1) * g;
      v[i] = b2 * v[i]! + (1 - b2) * g * g;
      theta[i]! -= (this.learningRate * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + this.epsilon);
    }
  }
}
