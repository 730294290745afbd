/** The assistant's skills, one small class each behind {@link dev.attend.assistant.skills.Skill}, and their registry. */
package dev.attend.assistant.skills;
