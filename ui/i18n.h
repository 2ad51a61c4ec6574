// The window's labels in English and Korean, switchable at runtime. Only the
// window's own words are translated: docker's output (console, states, messages)
// stays as docker prints it, since that is what students will see on real systems.
#pragma once

#include <string>

namespace swarmsim::ui {

enum class Lang { kEnglish, kKorean };

enum class Str {
  kAppTitle, kBoard, kTimeline, kInspector, kConsole, kPending, kNoPending, kView, kLanguage, kZoom,
  kCpu, kMemory, kReserved, kLimits, kCapacity, kLeader, kManager, kWorker, kHistory, kNoTasks,
  kLive, kPaused, kPause, kResume, kStep, kSpeed, kAdvance10s, kVirtualTime, kRecentEvents,
  kSelectSomething, kTask, kNode, kService, kImage, kState, kDesired, kSpec, kStateHistory,
  kDecision, kNoDecision, kFilter, kChosen, kResult, kRankingKeys, kCommand, kRun, kNoSwarm,
  kDatabase, kLockedRetrying, kLabels, kReplicas, kEnv, kConstraints, kResources, kAvailability,
  kStatus, kRole, kError, kMessage, kReservedLegend, kLimitsLegend, kNodes, kTasks, kShowColumns, kHeatLegend,
  kFollowNew, kRewind, kBackToLive, kRewoundReadOnly, kReadOnlyRefused, kVolume, kVolumes, kConfig,
  kConfigs, kSecret, kSecrets, kCopies, kDiffers, kSameEverywhere, kMissingHere, kMountedFiles,
  kShowAsContainer, kSecretHidden, kData, kEmpty, kLocalVolumes, kFiles, kFile, kCreated, kMountedBy,
  kNetworks, kVirtualIp,
  kCount  // kCount last
};

void SetLanguage(Lang lang);
Lang language();

// The label for `id` in the current language. Never null.
const char* Tr(Str id);
// The label in a given language.
const char* Tr(Lang lang, Str id);

// Every label in every language, concatenated: the glyphs the window's font needs.
std::string AllLabelText();

}  // namespace swarmsim::ui
