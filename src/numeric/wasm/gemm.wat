;; C = A·Bᵀ on f64, SIMD f64x2 along the shared dimension, 2×4 register tile, on packed panels, in chunks of
;; the shared dimension.
;; gemm(pa, pb, c, acc, pairs, quads, len, strideA, strideB, ldc, mode), offsets and strides in bytes:
;;   pa: A packed by row pairs; pair r's panel starts at pa + r·strideA and is a run of 32-byte blocks,
;;       block t = [a_2r[2t], a_2r[2t+1], a_2r+1[2t], a_2r+1[2t+1]], so each load is a constant offset from one
;;       pointer; pa points at the chunk's first block;
;;   pb: B packed by row quads (quad q at pb + q·strideB, 64-byte blocks of rows 4q..4q+3 at 2t, 2t+1);
;;   len: blocks in this chunk, at least 1 (the inner loop tests its end at the bottom);
;;   acc: the tiles' running sums between chunks, tile (r, q) at acc + (r·quads + q)·128 (its 8 lane pairs);
;;   mode: bit 1 = continue the sums kept in acc (else start from +0), bit 2 = last chunk: add each entry's two
;;         lanes and store it at c + (2r+R)·ldc + (4q+J)·8 (else keep the lanes in acc).
;; Rows past the matrices' ends are zero-padded by the caller. (Unrolling the inner loop by two blocks measured
;; 30% slower under V8; packing, which makes every load a constant offset from one pointer, 25% faster; the lane
;; sums written out rather than called as a function, and one test per block at the loop's bottom, 5–20% faster,
;; most at short chunks: a call made V8 keep the sums in memory; 3×3, 2×5, 3×4, 4×4 tiles measured slower, as 2×4
;; already fills the 15 vector registers V8 gives a function.) Each entry
;; is two lanes (even and odd inner index), each summed left to right across chunks, added at the end: the order
;; of dotAt. The last product of an odd inner length is added by the caller.
(module
  (memory (export "memory") 1)
  (func (export "gemm") (param $pa i32) (param $pb i32) (param $c i32) (param $acc i32) (param $pairs i32)
        (param $quads i32) (param $len i32) (param $strideA i32) (param $strideB i32) (param $ldc i32)
        (param $mode i32)
    (local $r i32) (local $q i32) (local $a i32) (local $b i32) (local $end i32) (local $pc i32) (local $t i32)
    (local $x0 v128) (local $x1 v128) (local $y0 v128) (local $y1 v128) (local $y2 v128) (local $y3 v128)
    (local $c00 v128) (local $c01 v128) (local $c02 v128) (local $c03 v128)
    (local $c10 v128) (local $c11 v128) (local $c12 v128) (local $c13 v128)
    (local.set $r (i32.const 0))
    (block $rend (loop $rloop
      (br_if $rend (i32.ge_u (local.get $r) (local.get $pairs)))
      (local.set $q (i32.const 0))
      (block $qend (loop $qloop
        (br_if $qend (i32.ge_u (local.get $q) (local.get $quads)))
        (local.set $a (i32.add (local.get $pa) (i32.mul (local.get $r) (local.get $strideA))))
        (local.set $b (i32.add (local.get $pb) (i32.mul (local.get $q) (local.get $strideB))))
        (local.set $end (i32.add (local.get $b) (i32.shl (local.get $len) (i32.const 6))))
        (local.set $t (i32.add (local.get $acc)
          (i32.shl (i32.add (i32.mul (local.get $r) (local.get $quads)) (local.get $q)) (i32.const 7))))
        (if (i32.and (local.get $mode) (i32.const 1))
          (then
            (local.set $c00 (v128.load offset=0 (local.get $t))) (local.set $c01 (v128.load offset=16 (local.get $t)))
            (local.set $c02 (v128.load offset=32 (local.get $t))) (local.set $c03 (v128.load offset=48 (local.get $t)))
            (local.set $c10 (v128.load offset=64 (local.get $t))) (local.set $c11 (v128.load offset=80 (local.get $t)))
            (local.set $c12 (v128.load offset=96 (local.get $t))) (local.set $c13 (v128.load offset=112 (local.get $t))))
          (else
            (local.set $c00 (v128.const f64x2 0 0)) (local.set $c01 (v128.const f64x2 0 0))
            (local.set $c02 (v128.const f64x2 0 0)) (local.set $c03 (v128.const f64x2 0 0))
            (local.set $c10 (v128.const f64x2 0 0)) (local.set $c11 (v128.const f64x2 0 0))
            (local.set $c12 (v128.const f64x2 0 0)) (local.set $c13 (v128.const f64x2 0 0))))
        (loop $ploop
          (local.set $x0 (v128.load offset=0 (local.get $a)))
          (local.set $x1 (v128.load offset=16 (local.get $a)))
          (local.set $y0 (v128.load offset=0 (local.get $b)))
          (local.set $y1 (v128.load offset=16 (local.get $b)))
          (local.set $y2 (v128.load offset=32 (local.get $b)))
          (local.set $y3 (v128.load offset=48 (local.get $b)))
          (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x0) (local.get $y0))))
          (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x0) (local.get $y1))))
          (local.set $c02 (f64x2.add (local.get $c02) (f64x2.mul (local.get $x0) (local.get $y2))))
          (local.set $c03 (f64x2.add (local.get $c03) (f64x2.mul (local.get $x0) (local.get $y3))))
          (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x1) (local.get $y0))))
          (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x1) (local.get $y1))))
          (local.set $c12 (f64x2.add (local.get $c12) (f64x2.mul (local.get $x1) (local.get $y2))))
          (local.set $c13 (f64x2.add (local.get $c13) (f64x2.mul (local.get $x1) (local.get $y3))))
          (local.set $a (i32.add (local.get $a) (i32.const 32)))
          (local.set $b (i32.add (local.get $b) (i32.const 64)))
          (br_if $ploop (i32.lt_u (local.get $b) (local.get $end))))
        (if (i32.and (local.get $mode) (i32.const 2))
          (then
            (local.set $pc (i32.add (i32.add (local.get $c) (i32.mul (i32.shl (local.get $r) (i32.const 1)) (local.get $ldc)))
                                    (i32.shl (local.get $q) (i32.const 5))))
            (f64.store offset=0 (local.get $pc) (f64.add (f64x2.extract_lane 0 (local.get $c00)) (f64x2.extract_lane 1 (local.get $c00))))
            (f64.store offset=8 (local.get $pc) (f64.add (f64x2.extract_lane 0 (local.get $c01)) (f64x2.extract_lane 1 (local.get $c01))))
            (f64.store offset=16 (local.get $pc) (f64.add (f64x2.extract_lane 0 (local.get $c02)) (f64x2.extract_lane 1 (local.get $c02))))
            (f64.store offset=24 (local.get $pc) (f64.add (f64x2.extract_lane 0 (local.get $c03)) (f64x2.extract_lane 1 (local.get $c03))))
            (local.set $pc (i32.add (local.get $pc) (local.get $ldc)))
            (f64.store offset=0 (local.get $pc) (f64.add (f64x2.extract_lane 0 (local.get $c10)) (f64x2.extract_lane 1 (local.get $c10))))
            (f64.store offset=8 (local.get $pc) (f64.add (f64x2.extract_lane 0 (local.get $c11)) (f64x2.extract_lane 1 (local.get $c11))))
            (f64.store offset=16 (local.get $pc) (f64.add (f64x2.extract_lane 0 (local.get $c12)) (f64x2.extract_lane 1 (local.get $c12))))
            (f64.store offset=24 (local.get $pc) (f64.add (f64x2.extract_lane 0 (local.get $c13)) (f64x2.extract_lane 1 (local.get $c13)))))
          (else
            (v128.store offset=0 (local.get $t) (local.get $c00)) (v128.store offset=16 (local.get $t) (local.get $c01))
            (v128.store offset=32 (local.get $t) (local.get $c02)) (v128.store offset=48 (local.get $t) (local.get $c03))
            (v128.store offset=64 (local.get $t) (local.get $c10)) (v128.store offset=80 (local.get $t) (local.get $c11))
            (v128.store offset=96 (local.get $t) (local.get $c12)) (v128.store offset=112 (local.get $t) (local.get $c13))))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $qloop)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rloop)))))
