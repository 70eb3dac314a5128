/**
 * The components lesson MDX may use without importing them. Lessons in content/ stay prose plus
 * these tags; adding a demo means adding it here.
 */
import Fact from './Fact.astro';
import FactMath from './FactMath.astro';
import DemoSlot from './DemoSlot.astro';
import Erratum from './Erratum.astro';
import Note from './Note.astro';
import TfCheck from './TfCheck.astro';
import MnistExplorer from './MnistExplorer.astro';
import TrainingDemo from './TrainingDemo.astro';
import ProgramCode from './ProgramCode.astro';
import ModelSummary from './ModelSummary.astro';
import EvaluateDemo from './EvaluateDemo.astro';
import DrawDemo from './DrawDemo.astro';
import RegressionDemo from './RegressionDemo.astro';
import PerceptronDemo from './PerceptronDemo.astro';
import ActivationsDemo from './ActivationsDemo.astro';
import XoNetworkDemo from './XoNetworkDemo.astro';
import XoTrainDemo from './XoTrainDemo.astro';

export const widgets = { ActivationsDemo, DrawDemo, PerceptronDemo, RegressionDemo, XoNetworkDemo, XoTrainDemo, EvaluateDemo, Fact, FactMath, DemoSlot, Erratum, Note, TfCheck, MnistExplorer, TrainingDemo, ProgramCode, ModelSummary };
