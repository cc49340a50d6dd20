package dev.personas.types;

import java.util.SplittableRandom;

/** Planted Gaussian blobs for tests: centres on a scaled simplex-like grid, unit variance. */
final class Blobs {
  final double[][] x;
  final int[] truth;

  Blobs(int perBlob, int blobs, int d, double separation, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    x = new double[perBlob * blobs][d];
    truth = new int[perBlob * blobs];
    int i = 0;
    for (int p = 0; p < perBlob; p++) {
      for (int b = 0; b < blobs; b++) {
        for (int j = 0; j < d; j++) {
          double centre = (j % blobs == b) ? separation : 0;
          x[i][j] = centre + gauss(r);
        }
        truth[i++] = b;
      }
    }
  }

  static double gauss(SplittableRandom r) {
    double u = r.nextDouble(), v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }
}
