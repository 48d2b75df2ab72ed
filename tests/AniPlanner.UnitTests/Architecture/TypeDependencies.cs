using System.Reflection;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace AniPlanner.UnitTests.Architecture;

/// <summary>One type using another, read from compiled IL.</summary>
public sealed record TypeDependency(string FromType, string FromNamespace, string ToType, string ToNamespace);

/// <summary>
/// Which type uses which, read from the compiled assemblies with Mono.Cecil: signatures,
/// base types, attributes, locals and every type, method and field an instruction names.
/// Compiler-generated nested types (lambdas, async state machines) count as their outer type.
/// </summary>
public static class TypeDependencies
{
    /// <summary>Every dependency of a type under <paramref name="fromRoot"/> on a type under <paramref name="toRoot"/>.</summary>
    public static IReadOnlyList<TypeDependency> Of(IEnumerable<Assembly> assemblies, string fromRoot, string toRoot)
    {
        var found = new HashSet<TypeDependency>();
        foreach (var assembly in assemblies)
        {
            using var module = ModuleDefinition.ReadModule(assembly.Location);
            foreach (var type in module.GetTypes())
            {
                var from = Outermost(type);
                if (!Under(from.Namespace, fromRoot))
                {
                    continue;
                }

                foreach (var used in UsedBy(type).SelectMany(Flatten).Select(Outermost))
                {
                    if (Under(used.Namespace, toRoot) && used.FullName != from.FullName)
                    {
                        found.Add(new TypeDependency(from.FullName, from.Namespace, used.FullName, used.Namespace));
                    }
                }
            }
        }

        return [.. found];
    }

    public static bool Under(string @namespace, string root) =>
        @namespace == root || @namespace.StartsWith(root + ".", StringComparison.Ordinal);

    private static IEnumerable<TypeReference?> UsedBy(TypeDefinition type)
    {
        yield return type.BaseType;
        foreach (var attribute in AttributesOf(type))
        {
            yield return attribute;
        }

        foreach (var implemented in type.Interfaces)
        {
            yield return implemented.InterfaceType;
        }

        foreach (var constraint in type.GenericParameters.SelectMany(parameter => parameter.Constraints))
        {
            yield return constraint.ConstraintType;
        }

        foreach (var field in type.Fields)
        {
            yield return field.FieldType;
        }

        foreach (var property in type.Properties)
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.Methods)
        {
            foreach (var used in UsedBy(method))
            {
                yield return used;
            }
        }
    }

    private static IEnumerable<TypeReference?> UsedBy(MethodDefinition method)
    {
        yield return method.ReturnType;
        foreach (var parameter in method.Parameters)
        {
            yield return parameter.ParameterType;
        }

        foreach (var attribute in method.CustomAttributes)
        {
            yield return attribute.AttributeType;
        }

        if (!method.HasBody)
        {
            yield break;
        }

        foreach (var variable in method.Body.Variables)
        {
            yield return variable.VariableType;
        }

        foreach (var instruction in method.Body.Instructions)
        {
            foreach (var used in Named(instruction))
            {
                yield return used;
            }
        }
    }

    private static IEnumerable<TypeReference?> AttributesOf(TypeDefinition type) =>
        type.CustomAttributes.Select(attribute => attribute.AttributeType)
            .Concat(type.Properties.SelectMany(property => property.CustomAttributes).Select(attribute => attribute.AttributeType))
            .Concat(type.Fields.SelectMany(field => field.CustomAttributes).Select(attribute => attribute.AttributeType));

    private static IEnumerable<TypeReference?> Named(Instruction instruction) => instruction.Operand switch
    {
        TypeReference type => [type],
        MethodReference method => [method.DeclaringType, method.ReturnType, .. method.Parameters.Select(parameter => parameter.ParameterType),
            .. (method as GenericInstanceMethod)?.GenericArguments ?? []],
        FieldReference field => [field.DeclaringType, field.FieldType],
        _ => [],
    };

    /// <summary>The types inside arrays, by-refs, pointers and generic instances, and those themselves.</summary>
    private static IEnumerable<TypeReference> Flatten(TypeReference? type)
    {
        if (type is null or GenericParameter)
        {
            yield break;
        }

        if (type is GenericInstanceType generic)
        {
            yield return generic.ElementType;
            foreach (var inner in generic.GenericArguments.SelectMany(Flatten))
            {
                yield return inner;
            }
        }
        else if (type is TypeSpecification specification)
        {
            foreach (var inner in Flatten(specification.ElementType))
            {
                yield return inner;
            }
        }
        else
        {
            yield return type;
        }
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }
}
