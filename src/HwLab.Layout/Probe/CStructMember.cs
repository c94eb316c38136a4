namespace HwLab.Layout.Probe;

/// <summary>A member a probe measures, by the name offsetof reaches it with.</summary>
/// <param name="BitfieldType">For a bitfield, the type it was declared with: the probe sets it to all ones of that type, and the type's size is its storage unit.</param>
/// <param name="IsFlexibleArray">A trailing <c>T name[]</c>, which has an offset but no sizeof.</param>
internal sealed record CStructMember(string Name, string? BitfieldType = null, bool IsFlexibleArray = false);

/// <summary>A struct found in preprocessed C: how C code names its type ("struct NAME" or a typedef name) and its members in order.</summary>
internal sealed record CStructDeclaration(string TypeExpression, IReadOnlyList<CStructMember> Members);
