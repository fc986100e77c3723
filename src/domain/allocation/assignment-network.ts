// SPDX-License-Identifier: EUPL-1.2

/**
 * The joint assignment as a min-cost flow with node supplies, solved by successive shortest paths
 * (Dijkstra on reduced costs, one unit of supply at a time, Jonker–Volgenant style).
 *
 * Nodes: units u (supply 1), households h, pools p (a bounded target group, or all unbounded groups
 * together), one node Y_c per category, one hub X. Arcs (cost, capacity):
 *   u → h   (−weight, 1)          the offer
 *   u → Y_c (0, 1)                the unit stays free in this run
 *   h → p   (0, 1)
 *   Y_c → X (0, max_c − min_c)    and, in the feasibility phase only, (1, ∞): a unit short of min_c
 *   X → p   (0, max_p − min_p)    and, in the feasibility phase only, (1, ∞)
 * Demands: Y_c needs n_c − max_c (so at most max_c units of c are assigned), p needs max_p, and X
 * balances the rest. Every flow is an assignment meeting the bounds and back; no artificial big costs.
 * X → p starts saturated, which leaves p a demand of min_p and keeps most paths short.
 *
 * Reduced costs c + π(i) − π(j) stay ≥ 0 on residual arcs; after each search the settled nodes get
 * π −= D − d (capped distances), which keeps them so. At the end the potentials give the LP dual.
 *
 * Two facts keep the searches small. (1) A free household's potential can always be lowered to its
 * pool's (its only residual arc out is h → p), so free households are not stored: π(h) ≡ π(p), and a
 * unit reaches its pool through its best free household directly. (2) In a unit's pairs of one pool, by
 * descending weight, a matched household after the first free one is never a shorter way than going
 * through that free one, the pool, and the reverse arc p → h: a unit's scan stops at its first free
 * household per pool. That is the exact pruning: the pairs past it are never looked at, so each segment
 * (unit, pool) is sorted lazily, a doubling prefix at a time, by selection then sort. The dropped pairs
 * keep their dual constraint because the free household's price is 0 and its weight is no smaller.
 */
export type FlowNetwork = {
  unitCount: number;
  householdCount: number;
  poolCount: number;
  categoryCount: number;
  unitCategory: Int32Array;
  householdPool: Int32Array;
  /**
   * The pairs in segments by unit then pool: segment s = u × poolCount + p holds entries
   * segmentStart[s] … segmentStart[s + 1] − 1. The solver reorders entries within a segment.
   */
  segmentStart: Int32Array;
  rowHousehold: Int32Array;
  /** Scaled integer weights ≥ 0. */
  rowWeight: Float64Array;
  /** Each unit's largest weight (scaled). */
  unitBest: Float64Array;
  categorySize: Int32Array;
  categoryMin: Int32Array;
  /** ≤ categorySize. */
  categoryMax: Int32Array;
  poolSize: Int32Array;
  poolMin: Int32Array;
  /** ≤ poolSize. */
  poolMax: Int32Array;
};

/** `optimise`: hard bounds, real weights. `feasibility`: weights 0, each unit short of a min costs 1. */
export type FlowPhase = "optimise" | "feasibility";

export type FlowSolution = {
  /** False when some unit of supply found no path: the bounds cannot all be met (optimise phase only). */
  feasible: boolean;
  /** The household of each unit, or −1. */
  unitHousehold: Int32Array;
  /** Dual prices (max form, scaled integers): unit, household, category, pool. */
  unitDual: Float64Array;
  householdDual: Float64Array;
  categoryDual: Float64Array;
  poolDual: Float64Array;
  /** Pairs the searches looked at (the sorted prefixes of the segments). */
  pairsConsidered: number;
  /** Units short of each min (feasibility phase). */
  categoryShortfall: Int32Array;
  poolShortfall: Int32Array;
  iterations: number;
};

const NONE = -1;
const UNUSED = -2;

export type FlowOptions = {
  onProgress?: (fraction: number) => void;
  /** Stop each segment's scan at its first free household, sorting lazily (default); false scans all. */
  prune?: boolean;
};

/** Entries of a segment sorted on its first scan; each later extension doubles the sorted prefix. */
const FIRST_CHUNK = 32;

export function solveFlow(net: FlowNetwork, phase: FlowPhase, options: FlowOptions = {}): FlowSolution {
  const nU = net.unitCount;
  const nH = net.householdCount;
  const nP = net.poolCount;
  const nC = net.categoryCount;
  const H0 = nU;
  const P0 = H0 + nH;
  const Y0 = P0 + nP;
  const X = Y0 + nC;
  const nodeCount = X + 1;
  const soft = phase === "feasibility";
  const { segmentStart, rowHousehold, unitCategory, householdPool } = net;
  const prune = options.prune ?? true;
  // In the feasibility phase every weight is 0, so any order is sorted.
  const rowWeight = soft ? new Float64Array(net.rowWeight.length) : net.rowWeight;
  const segmentCount = nU * nP;
  const sortedEnd = soft ? segmentStart.slice(1) : segmentStart.slice(0, segmentCount);
  if (!prune && !soft) {
    for (let g = 0; g < segmentCount; g++) {
      sortDescending(rowHousehold, rowWeight, segmentStart[g] as number, segmentStart[g + 1] as number);
      sortedEnd[g] = segmentStart[g + 1] as number;
    }
  }
  /** Sorts the next slice of segment g: the largest remaining entries, in descending order. */
  const extend = (g: number) => {
    const from = sortedEnd[g] as number;
    const to = segmentStart[g + 1] as number;
    const take = Math.max(FIRST_CHUNK, from - (segmentStart[g] as number));
    if (to - from > take) {
      selectLargest(rowHousehold, rowWeight, from, to, take);
      sortDescending(rowHousehold, rowWeight, from, from + take);
      sortedEnd[g] = from + take;
    } else {
      sortDescending(rowHousehold, rowWeight, from, to);
      sortedEnd[g] = to;
    }
  };

  // Potentials: π(u) = the unit's best weight makes every pair arc's reduced cost ≥ 0 at the start.
  const pot = new Float64Array(nodeCount);
  if (!soft) pot.set(net.unitBest);

  const unitHousehold = new Int32Array(nU).fill(NONE);
  const unitWeight = new Float64Array(nU);
  const householdUnit = new Int32Array(nH).fill(NONE);

  // Matched households per pool and free (unused) units per category.
  const pools = new GroupedSlots(householdPool, net.poolSize, nH);
  const freeUnits = new GroupedSlots(unitCategory, net.categorySize, nU);

  const yxCap = new Int32Array(nC);
  const yxHard = new Int32Array(nC);
  const yxSoft = new Int32Array(nC);
  const deficitY = new Int32Array(nC);
  let sumMaxC = 0;
  for (let c = 0; c < nC; c++) {
    yxCap[c] = (net.categoryMax[c] as number) - (net.categoryMin[c] as number);
    deficitY[c] = (net.categorySize[c] as number) - (net.categoryMax[c] as number);
    sumMaxC += net.categoryMax[c] as number;
  }
  const xpCap = new Int32Array(nP);
  const xpHard = new Int32Array(nP);
  const xpSoft = new Int32Array(nP);
  const deficitP = new Int32Array(nP);
  let sumMinP = 0;
  for (let p = 0; p < nP; p++) {
    xpCap[p] = (net.poolMax[p] as number) - (net.poolMin[p] as number);
    xpHard[p] = xpCap[p] as number;
    deficitP[p] = net.poolMin[p] as number;
    sumMinP += net.poolMin[p] as number;
  }
  let excessX = sumMinP - sumMaxC;
  let deficitX = excessX < 0 ? -excessX : 0;
  if (excessX < 0) excessX = 0;

  // Dijkstra state, reset lazily by an iteration stamp.
  const dist = new Float64Array(nodeCount);
  const seen = new Int32Array(nodeCount);
  const settled = new Int32Array(nodeCount);
  const pred = new Int32Array(nodeCount);
  const predRow = new Int32Array(nH);
  // The row entry (so the free household) through which a unit reached a pool.
  const predPoolRow = new Int32Array(nP);

  const heap = new Int32Array(nodeCount);
  const heapPos = new Int32Array(nodeCount);
  const settledList = new Int32Array(nodeCount);
  const path = new Int32Array(nodeCount);
  let heapSize = 0;
  let stamp = 0;
  // The distance of the node being scanned, and a deficit node found at that same distance: nothing
  // left in the heap is closer, so the search can stop there without popping the rest.
  let floor = 0;
  let early = -1;

  const siftUp = (start: number) => {
    let i = start;
    const v = heap[i] as number;
    const d = dist[v] as number;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pv = heap[parent] as number;
      if ((dist[pv] as number) <= d) break;
      heap[i] = pv;
      heapPos[pv] = i;
      i = parent;
    }
    heap[i] = v;
    heapPos[v] = i;
  };
  const popMin = (): number => {
    const top = heap[0] as number;
    heapSize--;
    if (heapSize > 0) {
      const v = heap[heapSize] as number;
      const d = dist[v] as number;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= heapSize) break;
        const r = l + 1;
        let child = l;
        let cd = dist[heap[l] as number] as number;
        if (r < heapSize) {
          const rd = dist[heap[r] as number] as number;
          if (rd < cd) {
            child = r;
            cd = rd;
          }
        }
        if (cd >= d) break;
        const cv = heap[child] as number;
        heap[i] = cv;
        heapPos[cv] = i;
        i = child;
      }
      heap[i] = v;
      heapPos[v] = i;
    }
    return top;
  };
  const isDeficit = (v: number): boolean => {
    if (v < P0) return false;
    if (v < Y0) return (deficitP[v - P0] as number) > 0;
    if (v < X) return (deficitY[v - Y0] as number) > 0;
    return deficitX > 0;
  };
  const relax = (w: number, d: number, from: number) => {
    if (seen[w] !== stamp) {
      seen[w] = stamp;
      dist[w] = d;
      pred[w] = from;
      heap[heapSize] = w;
      heapPos[w] = heapSize;
      heapSize++;
      siftUp(heapSize - 1);
    } else if (d < (dist[w] as number) && settled[w] !== stamp) {
      dist[w] = d;
      pred[w] = from;
      siftUp(heapPos[w] as number);
    } else return;
    if (d === floor && early < 0 && isDeficit(w)) early = w;
  };

  const scan = (v: number) => {
    const dv = dist[v] as number;
    const pv = pot[v] as number;
    if (v < H0) {
      const u = v;
      const current = unitHousehold[u] as number;
      if (current !== UNUSED) {
        const y = Y0 + (unitCategory[u] as number);
        relax(y, dv + pv - (pot[y] as number), u);
        if (early >= 0) return;
      }
      for (let p = 0; p < nP; p++) {
        const g = u * nP + p;
        const end = segmentStart[g + 1] as number;
        let freeSeen = false;
        for (let k = segmentStart[g] as number; k < end; k++) {
          if (k === sortedEnd[g]) extend(g);
          const h = rowHousehold[k] as number;
          if (h === current) continue;
          if (householdUnit[h] === NONE) {
            if (freeSeen) continue;
            freeSeen = true;
            const node = P0 + p;
            if (settled[node] !== stamp) {
              const d = dv + pv - (rowWeight[k] as number) - (pot[node] as number);
              if (seen[node] !== stamp || d < (dist[node] as number)) {
                relax(node, d, u);
                predPoolRow[p] = k;
                if (early >= 0) return;
              }
            }
            if (prune) break;
            continue;
          }
          const node = H0 + h;
          if (settled[node] === stamp) continue;
          const d = dv + pv - (rowWeight[k] as number) - (pot[node] as number);
          if (seen[node] !== stamp) {
            seen[node] = stamp;
            dist[node] = d;
            pred[node] = u;
            predRow[h] = k;
            heap[heapSize] = node;
            heapPos[node] = heapSize;
            heapSize++;
            siftUp(heapSize - 1);
          } else if (d < (dist[node] as number)) {
            dist[node] = d;
            pred[node] = u;
            predRow[h] = k;
            siftUp(heapPos[node] as number);
          }
        }
      }
    } else if (v < P0) {
      // Only matched households are nodes: the one residual arc out is back to their unit.
      const u = householdUnit[v - H0] as number;
      relax(u, dv + (unitWeight[u] as number) + pv - (pot[u] as number), v);
    } else if (v < Y0) {
      const p = v - P0;
      if ((xpSoft[p] as number) > 0) relax(X, dv - 1 + pv - (pot[X] as number), v);
      else if ((xpHard[p] as number) > 0) relax(X, dv + pv - (pot[X] as number), v);
      if (early >= 0) return;
      const start = pools.start[p] as number;
      const end = start + (pools.len[p] as number);
      for (let i = start; i < end; i++) {
        const node = H0 + (pools.items[i] as number);
        relax(node, dv + pv - (pot[node] as number), v);
      }
    } else if (v < X) {
      const c = v - Y0;
      if ((yxHard[c] as number) < (yxCap[c] as number)) relax(X, dv + pv - (pot[X] as number), v);
      else if (soft) relax(X, dv + 1 + pv - (pot[X] as number), v);
      if (early >= 0) return;
      const start = freeUnits.start[c] as number;
      const end = start + (freeUnits.len[c] as number);
      for (let i = start; i < end; i++) {
        const u = freeUnits.items[i] as number;
        relax(u, dv + pv - (pot[u] as number), v);
      }
    } else {
      for (let p = 0; p < nP; p++) {
        const node = P0 + p;
        if ((xpHard[p] as number) < (xpCap[p] as number)) relax(node, dv + pv - (pot[node] as number), v);
        else if (soft) relax(node, dv + 1 + pv - (pot[node] as number), v);
      }
      for (let c = 0; c < nC; c++) {
        const node = Y0 + c;
        if ((yxSoft[c] as number) > 0) relax(node, dv - 1 + pv - (pot[node] as number), v);
        else if ((yxHard[c] as number) > 0) relax(node, dv + pv - (pot[node] as number), v);
      }
    }
  };

  // One arc of an augmenting path; the kinds of its two ends name it.
  const push = (a: number, b: number) => {
    if (a < H0) {
      if (b < P0) {
        const h = b - H0;
        unitHousehold[a] = h;
        unitWeight[a] = rowWeight[predRow[h] as number] as number;
        householdUnit[h] = a;
      } else if (b < Y0) {
        // Through a free household, which joins the pool at the pool's potential.
        const k = predPoolRow[b - P0] as number;
        const h = rowHousehold[k] as number;
        unitHousehold[a] = h;
        unitWeight[a] = rowWeight[k] as number;
        householdUnit[h] = a;
        pools.add(h);
        pot[H0 + h] = pot[b] as number;
      } else {
        unitHousehold[a] = UNUSED;
        freeUnits.add(a);
      }
    } else if (a < P0) {
      unitHousehold[b] = NONE;
    } else if (a < Y0) {
      if (b < P0) {
        const h = b - H0;
        householdUnit[h] = NONE;
        pools.remove(h);
      } else {
        const p = a - P0;
        if ((xpSoft[p] as number) > 0) xpSoft[p] = (xpSoft[p] as number) - 1;
        else xpHard[p] = (xpHard[p] as number) - 1;
      }
    } else if (a < X) {
      const c = a - Y0;
      if (b < H0) {
        freeUnits.remove(b);
        unitHousehold[b] = NONE;
      } else if ((yxHard[c] as number) < (yxCap[c] as number)) yxHard[c] = (yxHard[c] as number) + 1;
      else yxSoft[c] = (yxSoft[c] as number) + 1;
    } else if (b < Y0) {
      const p = b - P0;
      if ((xpHard[p] as number) < (xpCap[p] as number)) xpHard[p] = (xpHard[p] as number) + 1;
      else xpSoft[p] = (xpSoft[p] as number) + 1;
    } else {
      const c = b - Y0;
      if ((yxSoft[c] as number) > 0) yxSoft[c] = (yxSoft[c] as number) - 1;
      else yxHard[c] = (yxHard[c] as number) - 1;
    }
  };

  /** Route one unit of supply from `source`; false when no deficit node is reachable. */
  const augment = (source: number): boolean => {
    stamp++;
    heapSize = 0;
    seen[source] = stamp;
    dist[source] = 0;
    pred[source] = -1;
    heap[0] = source;
    heapPos[source] = 0;
    heapSize = 1;
    let settledCount = 0;
    let terminal = -1;
    while (heapSize > 0) {
      const v = popMin();
      settled[v] = stamp;
      settledList[settledCount++] = v;
      if (isDeficit(v)) {
        terminal = v;
        break;
      }
      floor = dist[v] as number;
      early = -1;
      scan(v);
      if (early >= 0) {
        terminal = early;
        settled[early] = stamp;
        settledList[settledCount++] = early;
        break;
      }
    }
    if (terminal < 0) return false;
    const D = dist[terminal] as number;
    for (let i = 0; i < settledCount; i++) {
      const v = settledList[i] as number;
      const dv = dist[v] as number;
      if (dv < D) pot[v] = (pot[v] as number) - (D - dv);
    }
    let length = 0;
    for (let v = terminal; v !== -1; v = pred[v] as number) path[length++] = v;
    for (let i = length - 1; i > 0; i--) push(path[i] as number, path[i - 1] as number);
    if (terminal < Y0) deficitP[terminal - P0] = (deficitP[terminal - P0] as number) - 1;
    else if (terminal < X) deficitY[terminal - Y0] = (deficitY[terminal - Y0] as number) - 1;
    else deficitX--;
    return true;
  };

  const { onProgress } = options;
  const sources = nU + excessX;
  const progressEvery = Math.max(1, Math.ceil(sources / 200));
  let iterations = 0;
  let feasible = true;
  for (let s = 0; s < sources && feasible; s++) {
    feasible = augment(s < nU ? s : X);
    iterations++;
    if (onProgress && (s + 1) % progressEvery === 0) onProgress((s + 1) / sources);
  }
  if (onProgress && feasible && sources % progressEvery !== 0) onProgress(1);

  // Tighten the potentials without breaking reduced-cost optimality, so that the dual prices are ≥ 0
  // and complementary: a matched household sits on its unit's arc, a free one on its pool, a free unit
  // on its category. Each move only lowers a household's or raises a free unit's potential.
  for (let h = 0; h < nH; h++) {
    const u = householdUnit[h] as number;
    pot[H0 + h] =
      u === NONE
        ? (pot[P0 + (householdPool[h] as number)] as number)
        : (pot[u] as number) - (unitWeight[u] as number);
  }
  for (let u = 0; u < nU; u++) {
    if (unitHousehold[u] === UNUSED) pot[u] = pot[Y0 + (unitCategory[u] as number)] as number;
  }
  const unitDual = new Float64Array(nU);
  for (let u = 0; u < nU; u++)
    unitDual[u] = (pot[u] as number) - (pot[Y0 + (unitCategory[u] as number)] as number);
  const householdDual = new Float64Array(nH);
  for (let h = 0; h < nH; h++) {
    householdDual[h] = (pot[P0 + (householdPool[h] as number)] as number) - (pot[H0 + h] as number);
  }
  const categoryDual = new Float64Array(nC);
  for (let c = 0; c < nC; c++) categoryDual[c] = (pot[Y0 + c] as number) - (pot[X] as number);
  const poolDual = new Float64Array(nP);
  for (let p = 0; p < nP; p++) poolDual[p] = (pot[X] as number) - (pot[P0 + p] as number);

  const assigned = new Int32Array(nU);
  for (let u = 0; u < nU; u++) {
    const h = unitHousehold[u] as number;
    assigned[u] = h >= 0 ? h : NONE;
  }
  let pairsConsidered = 0;
  for (let g = 0; g < segmentCount; g++)
    pairsConsidered += (sortedEnd[g] as number) - (segmentStart[g] as number);
  return {
    feasible,
    pairsConsidered,
    unitHousehold: assigned,
    unitDual,
    householdDual,
    categoryDual,
    poolDual,
    categoryShortfall: yxSoft,
    poolShortfall: xpSoft,
    iterations,
  };
}

/** Moves the `count` largest weights of [from, to) to its front (any order), households alongside. */
function selectLargest(household: Int32Array, weight: Float64Array, from: number, to: number, count: number) {
  const target = from + count - 1;
  let lo = from;
  let hi = to - 1;
  while (lo < hi) {
    const a = weight[lo] as number;
    const b = weight[(lo + hi) >> 1] as number;
    const c = weight[hi] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((weight[i] as number) > pivot) i++;
      while ((weight[j] as number) < pivot) j--;
      if (i <= j) {
        swap(household, weight, i, j);
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return;
  }
}

/** Sorts [from, to) by descending weight, households alongside (quicksort, insertion sort when short). */
function sortDescending(household: Int32Array, weight: Float64Array, from: number, to: number) {
  let lo = from;
  let hi = to - 1;
  while (hi - lo > 16) {
    const a = weight[lo] as number;
    const b = weight[(lo + hi) >> 1] as number;
    const c = weight[hi] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((weight[i] as number) > pivot) i++;
      while ((weight[j] as number) < pivot) j--;
      if (i <= j) {
        swap(household, weight, i, j);
        i++;
        j--;
      }
    }
    // Recurse into the smaller side, loop on the larger: the stack stays logarithmic.
    if (j - lo < hi - i) {
      sortDescending(household, weight, lo, j + 1);
      lo = i;
    } else {
      sortDescending(household, weight, i, hi + 1);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const w = weight[i] as number;
    const h = household[i] as number;
    let j = i - 1;
    while (j >= lo && (weight[j] as number) < w) {
      weight[j + 1] = weight[j] as number;
      household[j + 1] = household[j] as number;
      j--;
    }
    weight[j + 1] = w;
    household[j + 1] = h;
  }
}

function swap(household: Int32Array, weight: Float64Array, i: number, j: number) {
  const w = weight[i] as number;
  weight[i] = weight[j] as number;
  weight[j] = w;
  const h = household[i] as number;
  household[i] = household[j] as number;
  household[j] = h;
}

/**
 * Members of groups kept as slices of one array: group g holds `items[start[g] .. start[g] + len[g])`,
 * with room for `sizes[g]` members. Adding and removing (by swapping in the group's last) take O(1).
 */
class GroupedSlots {
  readonly start: Int32Array;
  readonly len: Int32Array;
  readonly items: Int32Array;
  private readonly slot: Int32Array;

  constructor(
    private readonly groupOf: Int32Array,
    sizes: Int32Array,
    members: number,
  ) {
    this.start = new Int32Array(sizes.length + 1);
    for (let g = 0; g < sizes.length; g++)
      this.start[g + 1] = (this.start[g] as number) + (sizes[g] as number);
    this.len = new Int32Array(sizes.length);
    this.items = new Int32Array(members);
    this.slot = new Int32Array(members);
  }

  add(x: number) {
    const g = this.groupOf[x] as number;
    const slot = (this.start[g] as number) + (this.len[g] as number);
    this.items[slot] = x;
    this.slot[x] = slot;
    this.len[g] = (this.len[g] as number) + 1;
  }

  remove(x: number) {
    const g = this.groupOf[x] as number;
    this.len[g] = (this.len[g] as number) - 1;
    const last = (this.start[g] as number) + (this.len[g] as number);
    const slot = this.slot[x] as number;
    const moved = this.items[last] as number;
    this.items[slot] = moved;
    this.slot[moved] = slot;
  }
}
