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
  kNetworks, kVirtualIp, kOneCopy,
  kCount  // kCount last
};

void SetLanguage(Lang lang);
Lang language();

// The label for `id` in the current language. Never null.
const char* Tr(Str id);
// The label in a given language.
const char* Tr(Lang lang, Str id);

// Every label in every language, concatenated: the glyphs the window's font needs.
// (It includes the Korean glosses below.)
std::string AllLabelText();

// A short Korean gloss of one of docker's own words the window shows as docker
// prints it (task states, node states and availability, event types and
// actions): "running" -> "실행 중". Null when there is none. The Korean window
// shows it beside the word on hover; the word itself stays docker's.
const char* KoreanGloss(const std::string& docker_word);

// In Korean, a tooltip with the gloss of `docker_word` when the last item is
// hovered (nothing in English or without a gloss). REQUIRES: an ImGui frame.
void GlossTooltip(const std::string& docker_word);

// The window's name for an event type ("task", "service", ...) in the current
// language; docker's word in English.
std::string EventTypeWord(const std::string& type);

}  // namespace swarmsim::ui
