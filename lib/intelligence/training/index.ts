/** recommend_training: public surface (see ./recommend-training.ts, ./intent.ts, ./voice.ts). */
export {
  recommendTraining,
  familyLockInFor,
  familyModels,
  type TrainingRecommendation,
  type TrainingPick,
  type TrainingAlternative,
  type RecommendTrainingOptions,
} from "./recommend-training";
export {
  parseTrainingIntent,
  parseDurationSec,
  type TrainingIntent,
  type TrainingModality,
  type DatasetShape,
  type TrainingStyle,
  type TrainingSubject,
  type TrainingPriority,
  type VoiceSample,
} from "./intent";
export { decideVoiceClone, INSTANT_VOICE_CLONING, PROFESSIONAL_VOICE_CLONE, PROFESSIONAL_MIN_SEC, type VoiceCloneOption, type VoiceDecision } from "./voice";
