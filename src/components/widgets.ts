/**
 * The components lesson MDX may use without importing them. Lessons in content/ stay prose plus
 * these tags; adding a demo means adding it here.
 */
import Fact from './Fact.astro';
import FactMath from './FactMath.astro';
import DemoSlot from './DemoSlot.astro';
import Erratum from './Erratum.astro';
import Note from './Note.astro';
import MnistExplorer from './MnistExplorer.astro';
import TrainingDemo from './TrainingDemo.astro';
import ModelSummary from './ModelSummary.astro';
import EvaluateDemo from './EvaluateDemo.astro';
import DrawDemo from './DrawDemo.astro';
import RegressionDemo from './RegressionDemo.astro';
import PerceptronDemo from './PerceptronDemo.astro';
import ActivationsDemo from './ActivationsDemo.astro';
import XoNetworkDemo from './XoNetworkDemo.astro';
import XoTrainDemo from './XoTrainDemo.astro';

import ConvolutionDemo from './ConvolutionDemo.astro';
import PoolingDemo from './PoolingDemo.astro';
import FlattenDemo from './FlattenDemo.astro';
import DropoutMaskDemo from './DropoutMaskDemo.astro';
import OverfittingDemo from './OverfittingDemo.astro';
import SoftmaxDemo from './SoftmaxDemo.astro';
import CrossEntropyDemo from './CrossEntropyDemo.astro';
import EquationDemo from './EquationDemo.astro';
import GradientDescentDemo from './GradientDescentDemo.astro';
import ProgramStepsDemo from './ProgramStepsDemo.astro';

export const widgets = { ConvolutionDemo, PoolingDemo, FlattenDemo, DropoutMaskDemo, OverfittingDemo, SoftmaxDemo, CrossEntropyDemo, EquationDemo, GradientDescentDemo, ProgramStepsDemo, ActivationsDemo, DrawDemo, PerceptronDemo, RegressionDemo, XoNetworkDemo, XoTrainDemo, EvaluateDemo, Fact, FactMath, DemoSlot, Erratum, Note, MnistExplorer, TrainingDemo, ModelSummary };
