#include "ui/i18n.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>

namespace swarmsim::ui {

namespace {

struct Entry {
  Str id;
  const char* en;
  const char* ko;
};

// Plain literals, not u8"": the sources are UTF-8 and C++20's char8_t would not
// convert to const char*.
constexpr Entry kTable[] = {
    {Str::kAppTitle, "swarmsim classroom", "swarmsim 교실"},
    {Str::kBoard, "Cluster", "클러스터"},
    {Str::kTimeline, "Timeline", "타임라인"},
    {Str::kInspector, "Inspector", "상세 보기"},
    {Str::kConsole, "Console", "콘솔"},
    {Str::kPending, "Pending", "대기 중"},
    {Str::kNoPending, "no pending tasks", "대기 중인 태스크 없음"},
    {Str::kView, "View", "보기"},
    {Str::kLanguage, "Language", "언어"},
    {Str::kZoom, "Zoom", "확대"},
    {Str::kCpu, "CPU", "CPU"},
    {Str::kMemory, "Memory", "메모리"},
    {Str::kReserved, "reserved", "예약"},
    {Str::kLimits, "limits", "제한"},
    {Str::kCapacity, "capacity", "용량"},
    {Str::kLeader, "Leader", "리더"},
    {Str::kManager, "Manager", "매니저"},
    {Str::kWorker, "Worker", "워커"},
    {Str::kHistory, "history", "기록"},
    {Str::kNoTasks, "no tasks", "태스크 없음"},
    {Str::kLive, "LIVE", "실시간"},
    {Str::kPaused, "PAUSED", "일시정지"},
    {Str::kPause, "Pause", "일시정지"},
    {Str::kResume, "Resume", "재개"},
    {Str::kStep, "Step", "한 단계"},
    {Str::kSpeed, "Speed", "속도"},
    {Str::kAdvance10s, "+10s", "+10초"},
    {Str::kVirtualTime, "Virtual time", "가상 시간"},
    {Str::kRecentEvents, "Recent events", "최근 이벤트"},
    {Str::kSelectSomething, "Click a task or a node on the board.", "보드에서 태스크나 노드를 클릭하세요."},
    {Str::kTask, "Task", "태스크"},
    {Str::kNode, "Node", "노드"},
    {Str::kService, "Service", "서비스"},
    {Str::kImage, "Image", "이미지"},
    {Str::kState, "State", "상태"},
    {Str::kDesired, "Desired", "목표 상태"},
    {Str::kSpec, "Spec", "명세"},
    {Str::kStateHistory, "State history (same slot)", "상태 기록 (같은 슬롯)"},
    {Str::kDecision, "Scheduling decision", "스케줄링 결정"},
    {Str::kNoDecision, "no scheduling decision recorded", "기록된 스케줄링 결정 없음"},
    {Str::kFilter, "Filter", "필터"},
    {Str::kChosen, "chosen", "선택됨"},
    {Str::kResult, "Result", "결과"},
    {Str::kRankingKeys, "tasks (service / all)", "태스크 (서비스 / 전체)"},
    {Str::kCommand, "Command", "명령"},
    {Str::kRun, "Run", "실행"},
    {Str::kNoSwarm, "No swarm yet. Type: swarm init", "아직 스웜이 없습니다. 입력: swarm init"},
    {Str::kDatabase, "Database", "데이터베이스"},
    {Str::kLockedRetrying, "database busy, retrying", "데이터베이스 사용 중, 다시 시도"},
    {Str::kLabels, "Labels", "레이블"},
    {Str::kReplicas, "Replicas", "복제본"},
    {Str::kEnv, "Environment", "환경 변수"},
    {Str::kConstraints, "Constraints", "제약 조건"},
    {Str::kResources, "Resources", "리소스"},
    {Str::kAvailability, "Availability", "가용성"},
    {Str::kStatus, "Status", "상태"},
    {Str::kRole, "Role", "역할"},
    {Str::kError, "Error", "오류"},
    {Str::kMessage, "Message", "메시지"},
    {Str::kReservedLegend, "reserved: blocks placement", "예약: 배치를 막음"},
    {Str::kLimitsLegend, "limits: never block placement", "제한: 배치를 막지 않음"},
    {Str::kNodes, "nodes", "노드"},
    {Str::kTasks, "tasks", "태스크"},
    {Str::kShowColumns, "one column per node", "노드마다 한 열"},
    {Str::kHeatLegend, "colour: CPU reserved; number: tasks", "색: 예약된 CPU, 숫자: 태스크 수"},
    {Str::kFollowNew, "select new tasks", "새 태스크 선택"},
    {Str::kRewind, "Rewind", "되감기"},
    {Str::kBackToLive, "Back to live", "실시간으로 돌아가기"},
    {Str::kRewoundReadOnly, "rewound: read-only", "되감은 상태: 읽기 전용"},
    {Str::kReadOnlyRefused, "read-only while rewound: go back to live to run commands", "되감은 동안은 읽기 전용입니다. 명령을 실행하려면 실시간으로 돌아가세요"},
    {Str::kVolume, "Volume", "볼륨"},
    {Str::kVolumes, "Volumes", "볼륨"},
    {Str::kConfig, "Config", "컨피그"},
    {Str::kConfigs, "Configs", "컨피그"},
    {Str::kSecret, "Secret", "시크릿"},
    {Str::kSecrets, "Secrets", "시크릿"},
    {Str::kCopies, "copies", "사본"},
    {Str::kDiffers, "differs between copies", "사본마다 다름"},
    {Str::kSameEverywhere, "same in every copy", "모든 사본이 같음"},
    {Str::kMissingHere, "missing here", "여기에는 없음"},
    {Str::kMountedFiles, "Mounted files", "마운트된 파일"},
    {Str::kShowAsContainer, "show as the container sees it", "컨테이너가 보는 대로 보기"},
    {Str::kSecretHidden, "secret data is never shown outside a container", "시크릿 데이터는 컨테이너 밖에서 보이지 않습니다"},
    {Str::kData, "Data", "데이터"},
    {Str::kEmpty, "(empty)", "(비어 있음)"},
    {Str::kLocalVolumes, "local volumes", "로컬 볼륨"},
    {Str::kFiles, "files", "파일"},
    {Str::kFile, "file", "파일"},
    {Str::kCreated, "Created", "생성"},
    {Str::kMountedBy, "mounted by", "마운트한 태스크"},
    {Str::kNetworks, "Networks", "네트워크"},
    {Str::kVirtualIp, "service VIP", "서비스 VIP"},
    {Str::kOneCopy, "one copy: on this node only", "사본 하나: 이 노드에만 있음"},
};

static_assert(sizeof(kTable) / sizeof(kTable[0]) == size_t(Str::kCount), "every label needs a row");
static_assert([] {
  for (size_t i = 0; i < size_t(Str::kCount); ++i) {
    if (size_t(kTable[i].id) != i) return false;
  }
  return true;
}(), "rows must be in the enum's order");

Lang g_lang = Lang::kEnglish;

}  // namespace

void SetLanguage(Lang lang) { g_lang = lang; }
Lang language() { return g_lang; }

const char* Tr(Lang lang, Str id) {
  size_t i = size_t(id);
  if (i >= size_t(Str::kCount)) return "?";
  return lang == Lang::kKorean ? kTable[i].ko : kTable[i].en;
}

const char* Tr(Str id) { return Tr(g_lang, id); }

namespace {

struct Gloss {
  const char* word;  // docker's, lower case
  const char* ko;
};

// Sorted by word (binary search).
constexpr Gloss kGlosses[] = {
    {"accepted", "수락됨"},      {"active", "활성: 태스크를 받음"},  {"assigned", "노드에 배정됨"},
    {"complete", "완료"},        {"config", "컨피그"},              {"constraint", "제약 조건"},
    {"create", "생성"},
    {"decision", "스케줄링 결정"}, {"destroy", "삭제"},             {"disconnected", "연결 끊김"},
    {"down", "다운: 응답 없음"},  {"drain", "드레인: 태스크를 옮김"}, {"failed", "실패"},
    {"hostport", "호스트 포트"},  {"maxreplicas", "노드당 최대 복제본"},
    {"new", "새로 만듦"},        {"node", "노드"},                  {"orphaned", "고아: 노드를 잃음"},
    {"pause", "일시 중지: 새 태스크를 받지 않음"}, {"pending", "대기: 놓을 노드 없음"},
    {"platform", "플랫폼"},      {"plugin", "플러그인"},
    {"preparing", "준비 중: 이미지 받는 중"}, {"ready", "준비됨"},  {"rejected", "거부됨"},
    {"remove", "제거"},          {"resources", "자원(예약)"},        {"running", "실행 중"},            {"secret", "시크릿"},
    {"service", "서비스"},       {"shutdown", "종료됨"},            {"starting", "시작 중"},
    {"swarm", "스웜"},           {"task", "태스크"},                {"unknown", "알 수 없음"},
    {"update", "변경"},
};

std::string Lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string AllLabelText() {
  std::string all;
  for (const Entry& e : kTable) {
    all += e.en;
    all += e.ko;
  }
  for (const Gloss& g : kGlosses) all += g.ko;
  return all;
}

const char* KoreanGloss(const std::string& docker_word) {
  std::string w = Lower(docker_word);
  const Gloss* end = kGlosses + sizeof(kGlosses) / sizeof(kGlosses[0]);
  const Gloss* it = std::lower_bound(kGlosses, end, w, [](const Gloss& g, const std::string& key) {
    return std::string(g.word) < key;
  });
  return it != end && w == it->word ? it->ko : nullptr;
}

void GlossTooltip(const std::string& docker_word) {
  if (language() != Lang::kKorean || !ImGui::IsItemHovered()) return;
  if (const char* ko = KoreanGloss(docker_word)) ImGui::SetTooltip("%s: %s", docker_word.c_str(), ko);
}

std::string EventTypeWord(const std::string& type) {
  if (language() != Lang::kKorean) return type;
  const char* ko = KoreanGloss(type);
  return ko ? ko : type;
}

}  // namespace swarmsim::ui
