// An answer's versions: the turn shows one and keeps the others (Regenerate adds, ‹ › switches).
import type { AnswerVersion, AssistantTurn } from './chat'
import { MAX_ANSWER_VERSIONS } from './chat'

/** The shown answer's fields, as a version of its own. */
export function shownAnswer(turn: AssistantTurn): AnswerVersion {
  const { content, createdAt, status, jsonMode, used, metrics, error, continued } = turn
  return {
    content,
    createdAt,
    status,
    ...(jsonMode === undefined ? {} : { jsonMode }),
    ...(used ? { used } : {}),
    ...(metrics ? { metrics } : {}),
    ...(error ? { error } : {}),
    ...(continued ? { continued } : {}),
  }
}

/** Where the shown version sits (a hand-edited file cannot point past the end). */
export function shownIndex(turn: AssistantTurn): number {
  return Math.min(turn.shownVersion, turn.otherVersions.length)
}

export function versionCount(turn: AssistantTurn): number {
  return turn.otherVersions.length + 1
}

/** Every version in order, the shown one in its place. */
export function allVersions(turn: AssistantTurn): AnswerVersion[] {
  const index = shownIndex(turn)
  const others = turn.otherVersions
  return [...others.slice(0, index), shownAnswer(turn), ...others.slice(index)]
}

/** A turn showing `versions[index]`, keeping the rest as its other versions. */
function turnShowing(
  turn: AssistantTurn,
  versions: readonly AnswerVersion[],
  index: number,
): AssistantTurn {
  const shown = versions[index]!
  return {
    id: turn.id,
    role: 'assistant',
    ...shown,
    otherVersions: versions.filter((_, i) => i !== index),
    shownVersion: index,
  }
}

/** Shows another version (out-of-range indexes are ignored). */
export function showVersion(turn: AssistantTurn, index: number): AssistantTurn {
  const versions = allVersions(turn)
  if (index < 0 || index >= versions.length || index === shownIndex(turn)) return turn
  return turnShowing(turn, versions, index)
}

/**
 * Adds a new version at the end and shows it. The shown answer is kept unless it failed before
 * any text arrived (nothing to compare); past the cap the oldest version goes.
 */
export function addVersion(turn: AssistantTurn, fresh: AnswerVersion): AssistantTurn {
  const worthKeeping = turn.content !== '' || (turn.error?.text ?? '') !== ''
  const kept = worthKeeping ? allVersions(turn) : turn.otherVersions
  const versions = [...kept, fresh].slice(-MAX_ANSWER_VERSIONS)
  return turnShowing(turn, versions, versions.length - 1)
}
