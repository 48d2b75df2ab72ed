using System.Linq.Expressions;

namespace AniPlanner.Application.Common.Specifications;

/// <summary>
/// A named, reusable query over one aggregate. The shape follows Ardalis.Specification
/// (a protected <c>Query</c> builder in the constructor), so moving to that package later is a
/// rename; the package itself is not on our registry.
/// </summary>
public interface ISpecification<T>
    where T : class
{
    IReadOnlyList<Expression<Func<T, bool>>> WhereExpressions { get; }
    IReadOnlyList<OrderExpression<T>> OrderExpressions { get; }
    int? Skip { get; }
    int? Take { get; }
    bool AsNoTracking { get; }
}

public enum OrderDirection
{
    Ascending,
    Descending,
}

public sealed record OrderExpression<T>(Expression<Func<T, object?>> KeySelector, OrderDirection Direction);

public abstract class Specification<T> : ISpecification<T>
    where T : class
{
    private readonly List<Expression<Func<T, bool>>> _where = [];
    private readonly List<OrderExpression<T>> _order = [];

    protected Specification() => Query = new SpecificationBuilder(this);

    public IReadOnlyList<Expression<Func<T, bool>>> WhereExpressions => _where;
    public IReadOnlyList<OrderExpression<T>> OrderExpressions => _order;
    public int? Skip { get; private set; }
    public int? Take { get; private set; }
    public bool AsNoTracking { get; private set; }

    protected SpecificationBuilder Query { get; }

    /// <summary>Fluent builder, used in a specification's constructor.</summary>
    public sealed class SpecificationBuilder
    {
        private readonly Specification<T> _specification;

        internal SpecificationBuilder(Specification<T> specification) => _specification = specification;

        public SpecificationBuilder Where(Expression<Func<T, bool>> criteria)
        {
            _specification._where.Add(criteria);
            return this;
        }

        public SpecificationBuilder OrderBy(Expression<Func<T, object?>> keySelector) => Order(keySelector, OrderDirection.Ascending);

        public SpecificationBuilder OrderByDescending(Expression<Func<T, object?>> keySelector) => Order(keySelector, OrderDirection.Descending);

        public SpecificationBuilder ThenBy(Expression<Func<T, object?>> keySelector) => Order(keySelector, OrderDirection.Ascending);

        public SpecificationBuilder ThenByDescending(Expression<Func<T, object?>> keySelector) => Order(keySelector, OrderDirection.Descending);

        public SpecificationBuilder Skip(int count)
        {
            _specification.Skip = count;
            return this;
        }

        public SpecificationBuilder Take(int count)
        {
            _specification.Take = count;
            return this;
        }

        public SpecificationBuilder AsNoTracking()
        {
            _specification.AsNoTracking = true;
            return this;
        }

        private SpecificationBuilder Order(Expression<Func<T, object?>> keySelector, OrderDirection direction)
        {
            _specification._order.Add(new OrderExpression<T>(keySelector, direction));
            return this;
        }
    }
}
